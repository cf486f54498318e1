import asyncio

loop = asyncio.new_event_loop()
t0 = loop.time()

def note(msg):
    print(msg)

loop.call_later(0.2, note, "call_later 0.2")
loop.call_at(t0 + 0.1, note, "call_at t0+0.1")
loop.call_soon(note, "call_soon 1")
loop.call_soon(note, "call_soon 2")
loop.call_later(0, note, "call_later 0")
loop.call_later(0.25, note, "call_later 0.25")
loop.call_at(t0 + 0.12, note, "call_at t0+0.12")
loop.call_later(0.3, loop.stop)
loop.run_forever()
loop.close()

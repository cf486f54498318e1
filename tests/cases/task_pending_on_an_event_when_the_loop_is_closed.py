# A task still waiting on an Event when the closed loop is dropped: CPython warns at exit, the coroutine already finalized ("done, defined at").
import asyncio

async def attend(ev):
    print("attend")
    await ev.wait()

async def main(ev):
    asyncio.ensure_future(attend(ev))
    await asyncio.sleep(0)

ev = asyncio.Event()
loop = asyncio.new_event_loop()
loop.run_until_complete(main(ev))
loop.close()
print("fin")

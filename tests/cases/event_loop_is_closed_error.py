import asyncio

async def f():
    return "ok"

loop = asyncio.new_event_loop()
print(loop.run_until_complete(f()))
loop.close()
print("is_closed :", loop.is_closed())
coro = f()
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError :", e)
    coro.close()
loop.call_later(1, print, "jamais")

import asyncio

async def f(x):
    await asyncio.sleep(0.1 * x)
    return x * x

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
t = loop.create_task(f(3))
e = asyncio.ensure_future(f(2))
print(type(t).__name__, type(e).__name__)
print(asyncio.ensure_future(t) is t)
print(loop.run_until_complete(asyncio.gather(t, e)))
fut = loop.create_future()
loop.call_later(0.5, fut.set_result, "futur résolu")
print(loop.run_until_complete(fut))
loop.close()

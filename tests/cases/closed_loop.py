import asyncio

async def f():
    print("f")

loop = asyncio.new_event_loop()
loop.run_until_complete(f())
loop.close()
loop.run_until_complete(f())

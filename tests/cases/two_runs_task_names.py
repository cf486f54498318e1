import asyncio

async def f():
    print(asyncio.current_task().get_name())

asyncio.run(f())
asyncio.run(f())

import asyncio

async def compte(n):
    for i in range(n):
        yield i
    return n

async def main():
    async for x in compte(3):
        print(x)

asyncio.run(main())

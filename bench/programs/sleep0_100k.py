import asyncio, time
async def main():
    for _ in range(100_000):
        await asyncio.sleep(0)
asyncio.run(main())

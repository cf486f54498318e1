import asyncio


async def main():
    print("début")
    await asyncio.slep(1)
    print("fin")


asyncio.run(main())

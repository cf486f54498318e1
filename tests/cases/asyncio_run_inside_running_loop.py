import asyncio

async def interne():
    return 1

async def main():
    print("main tourne")
    coro = interne()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError :", e)
        coro.close()
    asyncio.run(interne())

asyncio.run(main())

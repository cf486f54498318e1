import asyncio

async def child():
    try:
        await asyncio.sleep(1)
        print("child finished normally")
    except asyncio.CancelledError:
        print("child cancelled at", asyncio.get_running_loop().time() - 1000)
        raise

async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0)
    asyncio.current_task().cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main cancelled at", asyncio.get_running_loop().time() - 1000)
    print("t.cancelled():", t.cancelled())

asyncio.run(main())

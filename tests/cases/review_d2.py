import asyncio

async def child():
    asyncio.current_task().cancel()
    return 42

async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0.1)
    print("cancelled:", t.cancelled())

asyncio.run(main())

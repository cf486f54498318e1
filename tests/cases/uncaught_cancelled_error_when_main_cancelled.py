import asyncio

async def main():
    moi = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.5, moi.cancel)
    print("main dort")
    await asyncio.sleep(10)

asyncio.run(main())

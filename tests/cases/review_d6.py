import asyncio

async def main():
    me = asyncio.current_task()
    async with asyncio.timeout(0.1):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("caught inside the block")
    print("cancelling:", me.cancelling())
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError")
    except asyncio.CancelledError:
        print("CancelledError")

asyncio.run(main())

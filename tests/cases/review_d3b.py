import asyncio, time

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    def blocker():
        time.sleep(1)
        fut.set_result("ok")
    loop.call_soon(blocker)
    try:
        async with asyncio.timeout(0.5):
            print(await fut)
        print("left the timeout block")
        await asyncio.sleep(1)
        print("after sleep")
    except TimeoutError:
        print("TimeoutError")
    except asyncio.CancelledError:
        print("CancelledError outside the block")

asyncio.run(main())

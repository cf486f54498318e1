import asyncio

async def main():
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0)
            print("after sleep(0)")
            await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError at", asyncio.get_running_loop().time() - 1000)

asyncio.run(main())

import asyncio

async def main():
    print("on attend au plus 0.5 s")
    await asyncio.wait_for(asyncio.sleep(2), timeout=0.5)

asyncio.run(main())

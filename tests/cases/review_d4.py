import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "b (delay 0)")
    loop.call_later(-1, print, "a (delay -1)")
    await asyncio.sleep(0.1)

asyncio.run(main())

import asyncio

async def main1():
    global loop
    loop = asyncio.get_running_loop()

async def main2():
    print("main2")

asyncio.run(main1())
try:
    loop.call_soon(print, "late callback")
except RuntimeError as e:
    print("RuntimeError:", e)
asyncio.run(main2())

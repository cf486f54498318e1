import asyncio

def a():
    print("a")
    hb.cancel()

def b():
    print("b")

async def main():
    global hb
    loop = asyncio.get_running_loop()
    loop.call_later(1, a)
    hb = loop.call_later(1, b)
    await asyncio.sleep(2)
    print("end")

asyncio.run(main())

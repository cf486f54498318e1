import asyncio

async def petite():
    return 2

async def main():
    loop = asyncio.get_running_loop()
    print("is_running :", loop.is_running())
    coro = petite()
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError :", e)
        coro.close()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError :", e)
    loop.run_until_complete(petite())

asyncio.run(main())

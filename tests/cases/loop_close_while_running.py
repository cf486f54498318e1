import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError :", e)
    print("is_closed :", loop.is_closed())
    loop.close()

asyncio.run(main())

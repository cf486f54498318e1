import asyncio

async def main():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(0.5)
            print("dans les temps")
            await asyncio.sleep(1)
            print("jamais affiché")
    except TimeoutError:
        print("TimeoutError après 1 s")
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.1)
        print("sans limite :", cm.when())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() + 0.2)
            await asyncio.sleep(1)
    except TimeoutError:
        print("reprogrammé puis expiré :", cm.expired())

asyncio.run(main())

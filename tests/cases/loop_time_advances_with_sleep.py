import asyncio

async def main():
    loop = asyncio.get_running_loop()
    debut = loop.time()
    for d in [0.1, 0.3, 1, 0]:
        await asyncio.sleep(d)
        print(f"après sleep({d}) : {loop.time() - debut:.1f}")
    print(loop.is_running(), asyncio.get_running_loop() is loop)

asyncio.run(main())

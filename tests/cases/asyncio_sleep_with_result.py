import asyncio

async def main():
    v = await asyncio.sleep(0.5, result="réveillé")
    print(v)
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(0, "zéro"))
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(1.5)
    print(f"{loop.time() - t0:.1f}")
    await asyncio.sleep(-1)
    print("sleep négatif : immédiat")

asyncio.run(main())

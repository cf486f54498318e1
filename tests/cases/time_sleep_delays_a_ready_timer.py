import asyncio
import time

async def ticker():
    debut = time.perf_counter()
    for i in range(3):
        await asyncio.sleep(0.5)
        print(f"tick {i} à {time.perf_counter() - debut:.1f} s")

async def gros_calcul():
    await asyncio.sleep(0.1)
    print("calcul bloquant 2 s")
    time.sleep(2)
    print("calcul fini")

async def main():
    await asyncio.gather(ticker(), gros_calcul())

asyncio.run(main())

import asyncio
import time

async def bloquante(nom):
    print(f"{nom} commence")
    time.sleep(1)  # bloque toute la boucle
    print(f"{nom} finit")

async def polie(nom):
    print(f"{nom} commence")
    await asyncio.sleep(1)
    print(f"{nom} finit")

async def main():
    t = time.perf_counter()
    await asyncio.gather(bloquante("b1"), bloquante("b2"), polie("p1"))
    print(f"durée : {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    await asyncio.gather(polie("p2"), polie("p3"))
    print(f"durée : {time.perf_counter() - t:.1f} s")

asyncio.run(main())

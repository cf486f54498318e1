# 100 000 `await asyncio.sleep(0)` in one task: the cost of one trip through the loop.
import asyncio
import time

N = 100_000

async def main():
    for _ in range(N):
        await asyncio.sleep(0)

debut = time.perf_counter()
asyncio.run(main())
duree = time.perf_counter() - debut
print(f"sleep0_100k: {N} sleep(0) in {duree * 1000:.0f} ms ({duree / N * 1e6:.2f} us per switch)")

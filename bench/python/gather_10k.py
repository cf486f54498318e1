# 10 000 tasks gathered, each doing one `await asyncio.sleep(0)`: task creation,
# scheduling and gather's bookkeeping.
import asyncio
import time

N = 10_000

async def f(i):
    await asyncio.sleep(0)
    return i

async def main():
    resultats = await asyncio.gather(*(f(i) for i in range(N)))
    assert sum(resultats) == N * (N - 1) // 2

debut = time.perf_counter()
asyncio.run(main())
duree = time.perf_counter() - debut
print(f"gather_10k: {N} tasks gathered in {duree * 1000:.0f} ms ({duree / N * 1e6:.2f} us per task)")

# 100,000 tasks, each sleeping a distinct time, gathered: one timer per task, all
# pending at once (the trace used to repeat them all at every loop iteration).
import asyncio

N = 100_000

async def dort(i):
    await asyncio.sleep(0.001 * i)

async def main():
    await asyncio.gather(*(dort(i) for i in range(N)))
    print("fini", N)

asyncio.run(main())

import asyncio

async def telecharger(sem, n):
    async with sem:
        print(f"début {n}")
        await asyncio.sleep(1)
        print(f"fin {n}")

async def main():
    sem = asyncio.Semaphore(2)
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(*(telecharger(sem, i) for i in range(5)))
    print(f"durée : {loop.time() - t0:.1f} s")
    print(sem.locked())
    b = asyncio.BoundedSemaphore(1)
    async with b:
        print("borné, locked =", b.locked())
    try:
        b.release()
    except ValueError as e:
        print("ValueError :", e)

asyncio.run(main())

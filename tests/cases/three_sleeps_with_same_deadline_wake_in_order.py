import asyncio

# Trois tâches dorment exactement 1 s, dans l'ordre de création : elles se
# réveillent dans ce même ordre, au même instant.
async def f(i):
    await asyncio.sleep(1)
    print("réveil", i)

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(f(0), f(1), f(2))
    print(f"{loop.time() - t0:.1f} s")

asyncio.run(main())

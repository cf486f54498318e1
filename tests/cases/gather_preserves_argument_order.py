import asyncio

async def f(nom, duree):
    await asyncio.sleep(duree)
    print("fini :", nom)
    return nom

async def main():
    res = await asyncio.gather(f("a", 0.3), f("b", 0.1), f("c", 0.2))
    print(res)
    print(await asyncio.gather())
    t = asyncio.create_task(f("tâche", 0.1))
    print(await asyncio.gather(t, f("coro", 0), t))

asyncio.run(main())

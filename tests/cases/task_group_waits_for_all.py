import asyncio

async def f(nom, d):
    await asyncio.sleep(d)
    print(nom, "fini")
    return nom * 2

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(f("a", 0.2))
        t2 = tg.create_task(f("b", 0.1))
        print("dans le bloc")
    print("après le bloc :", t1.result(), t2.result())

asyncio.run(main())

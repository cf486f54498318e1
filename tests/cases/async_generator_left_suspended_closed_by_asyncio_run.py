import asyncio


async def gen(nom, pause=True):
    try:
        for i in range(5):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("finally de", nom)
        if pause:
            await asyncio.sleep(0.05)
            print(nom, "nettoyé")


gardes = []


async def main():
    g = gen("gardé")
    gardes.append(g)
    print(await g.__anext__())
    h = gen("local", pause=False)
    print(await anext(h))
    await asyncio.sleep(0)
    print("fin de main")


asyncio.run(main())
print("après le premier run")


async def deuxieme():
    print(asyncio.current_task().get_name())
    async for x in gen("complet"):
        pass


asyncio.run(deuxieme())
print("fin")

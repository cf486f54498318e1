import asyncio

async def travail(nom, duree):
    print(f"{nom} démarre")
    await asyncio.sleep(duree)
    print(f"{nom} termine")
    return nom.upper()

async def main():
    t1 = asyncio.create_task(travail("lent", 2))
    t2 = asyncio.create_task(travail("rapide", 1))
    print("tâches créées, pas encore démarrées")
    await asyncio.sleep(0)
    print("après sleep(0) : les deux ont démarré")
    print(await t1, await t2)
    print(t1.done(), t2.done())

asyncio.run(main())

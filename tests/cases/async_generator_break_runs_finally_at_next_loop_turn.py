import asyncio


async def compteur(nom, n):
    try:
        for i in range(n):
            print(nom, "donne", i)
            yield i
            await asyncio.sleep(0.1)
    finally:
        print(nom, "finally")


async def main():
    async for x in compteur("A", 5):
        if x == 2:
            break
    print("après la boucle: le finally de A n'a pas encore eu lieu")
    await asyncio.sleep(0)
    print("après sleep(0): la tâche qui ferme A est créée, pas encore lancée")
    await asyncio.sleep(0)
    print("après un deuxième sleep(0)")

    try:
        async for x in compteur("B", 5):
            raise ValueError("boum")
    except ValueError as e:
        print("rattrapée:", e)
    await asyncio.sleep(0.5)

    async for x in compteur("C", 3):
        if x == 1:
            break
    print("main se termine")


asyncio.run(main())
print("fin")

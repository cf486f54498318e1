import asyncio

# Cinq tâches qui se réveillent à la même échéance : l'ordre de réveil suit le
# tas de minuteurs de la boucle, pas forcément l'ordre de création.
async def dormeur(nom, d1, d2):
    await asyncio.sleep(d1)
    print(nom, "étape 1")
    await asyncio.sleep(d2)
    print(nom, "étape 2")

async def main():
    await asyncio.gather(
        dormeur("a", 2, 1),
        dormeur("b", 1, 2),
        dormeur("c", 3, 0),
        dormeur("d", 1, 2),
        dormeur("e", 2, 1),
    )

asyncio.run(main())

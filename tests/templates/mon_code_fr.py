import asyncio

# Une coroutine : await rend la main à la boucle.
async def tache(nom, duree):
    print(f"début {nom}")
    await asyncio.sleep(duree)
    print(f"fin {nom}")
    return nom

async def main():
    # gather lance les deux tâches ensemble : 2 s, pas 3
    resultats = await asyncio.gather(tache("A", 2), tache("B", 1))
    print(resultats)

# asyncio.run crée la boucle, lance main(), la ferme
asyncio.run(main())

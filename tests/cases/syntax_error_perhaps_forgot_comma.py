import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

noms = ["a", "b" "c", "d" "e"]
x = [1, 2 3]
asyncio.run(tache(noms[0]))

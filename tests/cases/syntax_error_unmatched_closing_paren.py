import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

print("ok")
liste = [1, 2, 3))

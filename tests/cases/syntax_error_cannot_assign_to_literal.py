import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

5 = x

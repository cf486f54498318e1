import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

a = 1
if a = 1:
    print(a)

import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

for i in range(3):
    print(i)
x = = 2

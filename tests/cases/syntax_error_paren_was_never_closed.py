import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

total = (1 +
         2 +
         3
print(total)

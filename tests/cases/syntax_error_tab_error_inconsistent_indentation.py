import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

if True:
	x = 1
        y = 2

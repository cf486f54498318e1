import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

def f():
    return 1
return 2

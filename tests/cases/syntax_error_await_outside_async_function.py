import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

def f():
    x = await tache("a")
    return x

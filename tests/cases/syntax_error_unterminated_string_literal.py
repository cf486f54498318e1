import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

print("bonjour)
asyncio.run(tache("a"))

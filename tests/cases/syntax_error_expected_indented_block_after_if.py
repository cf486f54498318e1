import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

note = 15
if note > 10:
print("reçu")

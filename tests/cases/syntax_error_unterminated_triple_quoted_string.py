import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

texte = """commence
et ne finit jamais
asyncio.run(tache("a"))

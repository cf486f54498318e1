import asyncio

async def telechargement(nom, duree):
    print("début", nom)
    await asyncio.sleep(duree)
    print("fin", nom)

async def main():
    rapide = asyncio.create_task(telechargement("rapide", 1))
    lent = asyncio.create_task(telechargement("lent", 10))
    await rapide
    lent.cancel()
    try:
        await lent
    except asyncio.CancelledError:
        print("lent annulé")

asyncio.run(main())

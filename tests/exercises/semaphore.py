import asyncio

async def telecharger(i, limite):
    async with limite:
        print("début", i)
        await asyncio.sleep(1)            # une connexion au serveur
        print("fin", i)

async def main():
    limite = asyncio.Semaphore(2)         # au plus 2 connexions à la fois
    await asyncio.gather(*(telecharger(i, limite) for i in range(6)))

asyncio.run(main())

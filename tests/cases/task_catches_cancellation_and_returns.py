import asyncio

async def tetue():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("annulation ignorée")
    await asyncio.sleep(0.5)
    return "fini quand même"

async def main():
    t = asyncio.create_task(tetue())
    await asyncio.sleep(0.1)
    t.cancel()
    print(await t)
    print("cancelled :", t.cancelled())
    t2 = asyncio.create_task(tetue())
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("annulée avant de démarrer : le corps ne s'exécute pas")

asyncio.run(main())

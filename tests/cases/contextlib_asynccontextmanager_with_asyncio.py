import asyncio
from contextlib import asynccontextmanager

@asynccontextmanager
async def connexion(nom):
    print(f"connexion a {nom}")
    await asyncio.sleep(0.5)
    try:
        yield f"session-{nom}"
    finally:
        await asyncio.sleep(0.1)
        print(f"deconnexion de {nom}")

async def client(nom):
    async with connexion(nom) as s:
        print("utilise", s)
        await asyncio.sleep(1)
    return nom

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.gather(client("A"), client("B")))
    print(f"{loop.time() - t0:.1f}s")
    try:
        async with connexion("C"):
            raise KeyError("cle")
    except KeyError as e:
        print("KeyError", e)

asyncio.run(main())

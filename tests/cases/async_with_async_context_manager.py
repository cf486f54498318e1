import asyncio

class Connexion:
    def __init__(self, hote):
        self.hote = hote

    async def __aenter__(self):
        print("connexion à", self.hote)
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print("déconnexion de", self.hote, "erreur :", exc_type.__name__ if exc_type else None)
        return False

    async def requete(self, q):
        await asyncio.sleep(0.2)
        return f"{q} -> ok"

async def main():
    async with Connexion("db.local") as c:
        print(await c.requete("SELECT 1"))
    try:
        async with Connexion("api.local"):
            raise ConnectionError("coupure")
    except ConnectionError as e:
        print("propagée :", e)

asyncio.run(main())

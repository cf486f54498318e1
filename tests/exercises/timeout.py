import asyncio

async def requete_lente():
    print("requête envoyée")
    await asyncio.sleep(5)                # le serveur met 5 s à répondre
    return "réponse"

async def main():
    try:
        reponse = await asyncio.wait_for(requete_lente(), timeout=1)
        print("reçu :", reponse)
    except asyncio.TimeoutError:
        print("trop long, abandon")

asyncio.run(main())

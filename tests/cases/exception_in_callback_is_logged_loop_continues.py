import asyncio

def mauvais_rappel():
    print("rappel qui échoue")
    return 1 / 0

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(mauvais_rappel)
    await asyncio.sleep(0.1)
    print("la boucle continue après l'erreur du rappel")

asyncio.run(main())
print("fin normale")

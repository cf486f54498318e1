import asyncio

async def traiter(nom, file):
    while True:
        evenement = await file.get()
        match evenement:
            case ("stop",):
                print(nom, "s'arrête")
                return
            case ("msg", texte):
                print(nom, "reçoit", texte)
            case ("pause", float(d) | int(d)):
                print(nom, "pause", d)
                await asyncio.sleep(d)
            case autre:
                print(nom, "ignore", autre)

async def main():
    file = asyncio.Queue()
    t = asyncio.create_task(traiter("serveur", file))
    for e in [("msg", "bonjour"), ("pause", 0.5), 42, ("msg", "fin"), ("stop",)]:
        await file.put(e)
    await t
    print("terminé")

asyncio.run(main())

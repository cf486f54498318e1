import asyncio

async def attendre(ev, nom):
    print(nom, "attend l'événement")
    await ev.wait()
    print(nom, "réveillé")

async def main():
    ev = asyncio.Event()
    print("is_set :", ev.is_set())
    taches = [asyncio.create_task(attendre(ev, n)) for n in "ABC"]
    await asyncio.sleep(1)
    print("set !")
    ev.set()
    print("is_set :", ev.is_set())
    await asyncio.gather(*taches)
    await attendre(ev, "D")
    ev.clear()
    print("après clear :", ev.is_set())

asyncio.run(main())

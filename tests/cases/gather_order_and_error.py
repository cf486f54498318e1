import asyncio

async def valeur(v, d):
    await asyncio.sleep(d)
    print("fini", v)
    return v

async def echoue(d):
    await asyncio.sleep(d)
    raise ValueError("boum")

async def main():
    print(await asyncio.gather(valeur(3, 0.3), valeur(1, 0.1), valeur(2, 0.2)))
    try:
        await asyncio.gather(valeur(5, 0.5), echoue(0.2))
    except ValueError as e:
        print("erreur :", e)
    await asyncio.sleep(1)

asyncio.run(main())

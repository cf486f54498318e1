import asyncio

async def ok(nom, d):
    await asyncio.sleep(d)
    print(nom, "terminée quand même")
    return nom

async def echoue():
    await asyncio.sleep(0.1)
    raise KeyError("manquant")

async def main():
    t = asyncio.create_task(ok("lente", 0.5))
    try:
        await asyncio.gather(t, echoue())
    except KeyError as e:
        print("gather lève :", repr(e))
    print("lente finie ?", t.done())
    await asyncio.sleep(1)
    print("lente finie ?", t.done(), t.result())

asyncio.run(main())

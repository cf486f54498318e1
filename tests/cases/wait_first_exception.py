import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def boum(d):
    await asyncio.sleep(d)
    raise RuntimeError(f"boum à {d}")

async def main():
    taches = [asyncio.create_task(c) for c in (ok(1), boum(2), ok(3))]
    faites, en_attente = await asyncio.wait(taches, return_when=asyncio.FIRST_EXCEPTION)
    print(len(faites), "faites,", len(en_attente), "en attente")
    for t in taches:
        if t.done():
            print("exception :", repr(t.exception()))
    faites, en_attente = await asyncio.wait([asyncio.create_task(ok(0.5))], return_when=asyncio.FIRST_EXCEPTION)
    print("sans exception, attend tout :", len(faites), len(en_attente))
    for t in en_attente | set(taches):
        t.cancel()

asyncio.run(main())

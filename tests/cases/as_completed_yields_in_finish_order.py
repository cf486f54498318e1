import asyncio

async def f(nom, d):
    await asyncio.sleep(d)
    return nom

async def main():
    coros = [f("trois", 3), f("un", 1), f("deux", 2), f("zéro", 0)]
    for i, prochain in enumerate(asyncio.as_completed(coros), 1):
        print(i, await prochain)
    try:
        for prochain in asyncio.as_completed([f("lent", 5)], timeout=1):
            await prochain
    except asyncio.TimeoutError:
        print("as_completed : délai dépassé")

asyncio.run(main())

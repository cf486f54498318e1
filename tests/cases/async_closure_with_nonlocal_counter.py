import asyncio

def fabrique():
    total = 0
    async def ajouter(x, delai):
        nonlocal total
        await asyncio.sleep(delai)
        total += x
        print(f"+{x} -> {total}")
        return total
    return ajouter

async def main():
    ajouter = fabrique()
    await asyncio.gather(ajouter(1, 0.3), ajouter(10, 0.1), ajouter(100, 0.2))
    print(await ajouter(0, 0))

asyncio.run(main())

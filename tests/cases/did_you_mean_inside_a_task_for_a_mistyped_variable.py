import asyncio


async def compter(n):
    compteur = 0
    for _ in range(n):
        await asyncio.sleep(0.1)
        compteur += 1
    return compteurs


async def main():
    print(await asyncio.gather(compter(2), compter(3)))


asyncio.run(main())

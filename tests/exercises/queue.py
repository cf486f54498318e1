import asyncio

async def producteur(file):
    for i in range(3):
        await asyncio.sleep(0.5)          # fabriquer un message prend 0,5 s
        await file.put(f"message {i}")

async def consommateur(file):
    for _ in range(3):
        message = await file.get()
        await asyncio.sleep(0.5)          # traiter un message prend 0,5 s
        print("traité :", message)

async def main():
    file = asyncio.Queue()
    await asyncio.gather(producteur(file), consommateur(file))
    print("fini")

asyncio.run(main())

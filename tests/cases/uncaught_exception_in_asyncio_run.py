import asyncio

async def etape(n):
    await asyncio.sleep(0.1)
    if n == 3:
        raise LookupError(f"étape {n} introuvable")
    print("étape", n, "ok")

async def main():
    for n in range(5):
        await etape(n)

asyncio.run(main())

import asyncio

async def enfant(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("enfant", n, "annulé")
        raise

async def main():
    g = asyncio.gather(enfant(1), enfant(2))
    await asyncio.sleep(0.1)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather annulé :", g.cancelled())

asyncio.run(main())

import asyncio

async def ticks(nom):
    i = 0
    try:
        while True:
            await asyncio.sleep(0.3)
            yield f"{nom}-{i}"
            i += 1
    except asyncio.CancelledError:
        print(nom, "annulé pendant le sleep du générateur")
        raise
    finally:
        print(nom, "finally")

async def consommateur(nom):
    async for t in ticks(nom):
        print(t)

async def horloge():
    for i in range(4):
        await asyncio.sleep(0.25)
        print("horloge", i)

async def main():
    c = asyncio.create_task(consommateur("c"))
    await horloge()
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("consommateur annulé", c.cancelled())

asyncio.run(main())

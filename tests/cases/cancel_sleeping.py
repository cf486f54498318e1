import asyncio

async def dormeur():
    print("je dors")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("réveillé par cancel")
        raise

async def jamais():
    print("ne doit pas s'afficher")

async def main():
    t = asyncio.ensure_future(dormeur())
    j = asyncio.ensure_future(jamais())
    j.cancel()
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("t annulée :", t.cancelled(), "j annulée :", j.cancelled())

asyncio.run(main())

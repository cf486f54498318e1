import asyncio

async def lente():
    try:
        await asyncio.sleep(10)
        return "finie"
    except asyncio.CancelledError:
        print("lente annulée par wait_for")
        raise

async def rapide():
    await asyncio.sleep(0.5)
    return "rapide finie"

async def main():
    print(await asyncio.wait_for(rapide(), timeout=1))
    try:
        await asyncio.wait_for(lente(), timeout=1)
    except asyncio.TimeoutError as e:
        print("TimeoutError", repr(e), asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(rapide(), timeout=None))

asyncio.run(main())

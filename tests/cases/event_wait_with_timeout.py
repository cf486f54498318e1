import asyncio

async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), timeout=0.5)
    except asyncio.TimeoutError:
        print("personne n'a levé l'événement en 0.5 s")
    asyncio.get_running_loop().call_later(0.2, ev.set)
    r = await asyncio.wait_for(ev.wait(), timeout=1)
    print("événement reçu :", r)

asyncio.run(main())

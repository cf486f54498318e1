import asyncio

async def dort():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("annulée avec args", e.args)
        raise

async def main():
    t = asyncio.create_task(dort())
    await asyncio.sleep(0.1)
    t.cancel("plus besoin")
    try:
        await t
    except asyncio.CancelledError as e:
        print("l'appelant voit", e.args)
    print(t.cancelled())

asyncio.run(main())

import asyncio

async def critique():
    await asyncio.sleep(1)
    print("opération critique terminée")
    return "sauvegardé"

async def main():
    interne = asyncio.create_task(critique())
    try:
        await asyncio.wait_for(asyncio.shield(interne), timeout=0.5)
    except asyncio.TimeoutError:
        print("délai dépassé, mais la tâche interne continue :", interne.cancelled())
    print(await interne)

asyncio.run(main())

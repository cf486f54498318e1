import asyncio

async def tache(nom):
    print(nom, "étape 1")
    await asyncio.sleep(0)
    print(nom, "étape 2")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "rappel 1")
    asyncio.create_task(tache("T1"))
    loop.call_soon(print, "rappel 2")
    asyncio.create_task(tache("T2"))
    loop.call_soon(print, "rappel 3")
    print("main avant sleep(0)")
    await asyncio.sleep(0)
    print("main après sleep(0)")
    await asyncio.sleep(0)
    print("main fin")

asyncio.run(main())

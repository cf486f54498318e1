import asyncio

async def detenteur(lock):
    async with lock:
        print("verrou pris")
        try:
            await asyncio.sleep(10)
        finally:
            print("finally : le verrou va être libéré")

async def suivant(lock):
    async with lock:
        print("suivant a le verrou")

async def main():
    lock = asyncio.Lock()
    t = asyncio.create_task(detenteur(lock))
    await asyncio.sleep(0.1)
    s = asyncio.create_task(suivant(lock))
    await asyncio.sleep(0.1)
    print("locked :", lock.locked())
    t.cancel()
    await s
    print("locked :", lock.locked(), "détenteur annulé :", t.cancelled())

asyncio.run(main())

import asyncio

compteur = 0

async def incrementer(lock, nom):
    global compteur
    async with lock:
        print(nom, "entre, locked =", lock.locked())
        v = compteur
        await asyncio.sleep(0.1)
        compteur = v + 1
        print(nom, "sort")

async def sans_verrou():
    global compteur
    v = compteur
    await asyncio.sleep(0.1)
    compteur = v + 1

async def main():
    global compteur
    lock = asyncio.Lock()
    await asyncio.gather(*(incrementer(lock, f"t{i}") for i in range(3)))
    print("avec verrou :", compteur, "locked =", lock.locked())
    compteur = 0
    await asyncio.gather(*(sans_verrou() for _ in range(3)))
    print("sans verrou :", compteur)
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError :", e)

asyncio.run(main())

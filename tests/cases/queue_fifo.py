import asyncio

async def consommateur(nom, q):
    while True:
        x = await q.get()
        print(nom, "prend", x)
        q.task_done()

async def main():
    q = asyncio.Queue()
    c1 = asyncio.ensure_future(consommateur("c1", q))
    c2 = asyncio.ensure_future(consommateur("c2", q))
    await asyncio.sleep(0)
    for i in range(4):
        await q.put(i)
    await q.join()
    print("tout est traité")
    c1.cancel()
    c2.cancel()

asyncio.run(main())

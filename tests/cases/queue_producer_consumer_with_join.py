import asyncio

async def producteur(q, n):
    for i in range(n):
        await q.put(i)
        print("produit", i, "taille", q.qsize())
    print("producteur fini")

async def consommateur(q, nom):
    while True:
        x = await q.get()
        await asyncio.sleep(0.3)
        print(nom, "a traité", x)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    conso = [asyncio.create_task(consommateur(q, f"c{i}")) for i in range(2)]
    await producteur(q, 5)
    await q.join()
    print("tout est traité, vide :", q.empty())
    for c in conso:
        c.cancel()

asyncio.run(main())

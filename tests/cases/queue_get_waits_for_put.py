import asyncio

async def lecteur(q, nom):
    print(nom, "attend")
    v = await q.get()
    print(nom, "reçoit", v)

async def main():
    q = asyncio.Queue()
    lecteurs = [asyncio.create_task(lecteur(q, f"L{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    for v in ["x", "y", "z"]:
        q.put_nowait(v)
        print("mis", v)
    await asyncio.gather(*lecteurs)
    pq = asyncio.PriorityQueue()
    for p in [3, 1, 2]:
        pq.put_nowait((p, f"prio {p}"))
    print([pq.get_nowait()[1] for _ in range(3)])
    lq = asyncio.LifoQueue()
    for v in "abc":
        lq.put_nowait(v)
    print([lq.get_nowait() for _ in range(3)])

asyncio.run(main())

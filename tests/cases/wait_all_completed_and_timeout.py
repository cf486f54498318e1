import asyncio

async def f(d):
    await asyncio.sleep(d)
    return d

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    taches = [asyncio.create_task(f(d)) for d in (1, 2, 4)]
    faites, en_attente = await asyncio.wait(taches, timeout=2.5)
    print(f"{loop.time() - t0:.1f} s :", sorted(t.result() for t in faites), len(en_attente), "en attente")
    faites, en_attente = await asyncio.wait(en_attente)
    print(f"{loop.time() - t0:.1f} s :", [t.result() for t in faites], len(en_attente))
    faites, en_attente = await asyncio.wait(taches, timeout=0)
    print("déjà finies :", len(faites))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError :", e)

asyncio.run(main())

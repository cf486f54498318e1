import asyncio

async def lent(d, v):
    await asyncio.sleep(d)
    print("lent fini", v)
    return v

async def echoue(d):
    await asyncio.sleep(d)
    raise ValueError("boum")

async def main():
    print(await asyncio.wait_for(asyncio.ensure_future(lent(0.1, "a")), 1))
    try:
        await asyncio.wait_for(asyncio.ensure_future(lent(2, "b")), 0.5)
    except asyncio.TimeoutError:
        print("délai dépassé")
    t = asyncio.ensure_future(lent(0.3, "c"))
    s = asyncio.shield(t)
    s.cancel()
    print("t annulée ?", t.cancelled())
    await asyncio.sleep(0.5)
    print("t :", t.result())
    try:
        async with asyncio.timeout(0.2):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout() expiré")
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(lent(0.1, "g1"))
        b = tg.create_task(lent(0.2, "g2"))
    print("groupe :", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(lent(1, "jamais"))
            tg.create_task(echoue(0.1))
            await asyncio.sleep(5)
            print("pas atteint")
    except* ValueError as eg:
        print("erreurs :", [str(e) for e in eg.exceptions])

asyncio.run(main())

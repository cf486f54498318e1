import asyncio


async def interne():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("interne", e.args)
        raise


async def externe():
    try:
        await asyncio.create_task(interne())
    except asyncio.CancelledError as e:
        print("externe", e.args)
        raise


async def main():
    t = asyncio.create_task(externe())
    await asyncio.sleep(0.1)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main voit", repr(e))
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() une deuxième fois", repr(e))

    t2 = asyncio.create_task(externe())
    t2.cancel("avant de démarrer")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("t2", repr(e))

    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.1, f.cancel, "future annulée")
    try:
        await f
    except asyncio.CancelledError as e:
        print("future", repr(e))

    a = asyncio.create_task(interne())
    b = asyncio.create_task(interne())
    await asyncio.sleep(0)
    a.cancel("a")
    b.cancel()
    print(await asyncio.gather(a, b, f, return_exceptions=True))

    asyncio.current_task().cancel("fin")
    await asyncio.sleep(1)


asyncio.run(main())

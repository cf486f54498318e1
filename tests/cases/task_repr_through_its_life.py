import asyncio


async def dort(n):
    await asyncio.sleep(n)
    return n * 10


async def attend(t):
    return await t


async def echoue():
    await asyncio.sleep(0.1)
    raise ValueError('raté')


async def obstine():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        raise


async def moi_meme():
    await asyncio.sleep(0)
    print('moi :',
          asyncio.current_task())


async def main():
    t = asyncio.create_task(dort(1), name='dormeur')
    print(t)
    await asyncio.sleep(0)
    print(t)
    u = asyncio.create_task(attend(t))
    await asyncio.sleep(0)
    print(u)
    print(t)
    await u
    print(t)
    print(u)
    e = asyncio.create_task(echoue(), name='mon-nom')
    await asyncio.sleep(0.2)
    print(e.exception())
    print(e)
    c = asyncio.create_task(dort(3))
    await asyncio.sleep(0)
    c.cancel()
    print(c)
    await asyncio.sleep(0)
    print(c)
    o = asyncio.create_task(obstine())
    await asyncio.sleep(0)
    o.cancel()
    await asyncio.sleep(0)
    print(o)
    await asyncio.sleep(0.5)
    print(o)
    await asyncio.create_task(moi_meme())
    l = asyncio.create_task(dort(0), name="l'apostrophe")
    print(l)
    await l
    print(l)


asyncio.run(main())

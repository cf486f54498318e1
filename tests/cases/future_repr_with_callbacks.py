import asyncio


def quand_fini(fut):
    print('callback:', fut)


class Rappel:
    def methode(self, fut):
        print('méthode')


async def attend(f):
    return await f


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f)
    f.add_done_callback(quand_fini)
    print(f)
    f.add_done_callback(print)
    print(f)
    f.add_done_callback(Rappel().methode)
    f.add_done_callback(lambda fut: None)
    print(f)
    f.set_result(3)
    print(f)
    await asyncio.sleep(0)

    g = loop.create_future()
    t = asyncio.create_task(attend(g), name='attente')
    await asyncio.sleep(0)
    g.add_done_callback(quand_fini)
    print(g)
    print(t)
    g.set_exception(ValueError('x'))
    print(g)
    await asyncio.sleep(0)
    print(t)
    print(repr(t.exception()))

    h = loop.create_future()
    h.cancel()
    print(h)
    r = loop.create_future()
    r.set_result('une chaîne de caractères bien trop longue pour reprlib')
    print(r)
    r = loop.create_future()
    r.set_result([1, 2, 3])
    print(r)
    r = loop.create_future()
    r.set_result(None)
    print(r)


asyncio.run(main())

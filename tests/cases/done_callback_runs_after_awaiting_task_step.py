import asyncio

async def courte():
    print("courte s'exécute")
    return 1

async def main():
    t = asyncio.create_task(courte())
    t.add_done_callback(lambda _: print("rappel de fin (call_soon)"))
    asyncio.get_running_loop().call_soon(print, "call_soon programmé par main")
    print("main attend")
    r = await t
    print("main reprend, résultat", r)
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(lambda _: print("rappel 1 du futur"))
    f.add_done_callback(lambda _: print("rappel 2 du futur"))
    f.set_result(None)
    print("set_result n'appelle pas les rappels tout de suite")
    await asyncio.sleep(0)
    print("après sleep(0)")

asyncio.run(main())

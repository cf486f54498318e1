import asyncio

def rappel(fut):
    print("rappel : résultat =", fut.result())

async def resoudre(fut):
    await asyncio.sleep(1)
    print("on résout le futur")
    fut.set_result(42)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done :", fut.done(), "cancelled :", fut.cancelled())
    fut.add_done_callback(rappel)
    asyncio.create_task(resoudre(fut))
    v = await fut
    print("await donne", v, "done :", fut.done())
    fut.add_done_callback(lambda f: print("rappel ajouté après coup"))
    await asyncio.sleep(0)
    f2 = asyncio.Future()
    f2.set_exception(ValueError("mauvais"))
    print("exception :", repr(f2.exception()))
    try:
        await f2
    except ValueError as e:
        print("await relève :", e)

asyncio.run(main())

import asyncio

async def boum():
    await asyncio.sleep(0.1)
    raise ZeroDivisionError("division")

async def ok():
    return "ok"

async def main():
    t = asyncio.create_task(boum(), name="ma-tache")
    t.add_done_callback(lambda t: print("rappel de", t.get_name(), "done", t.done()))
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("exception() trop tôt :", e)
    await asyncio.wait([t])
    print("exception :", repr(t.exception()))
    try:
        t.result()
    except ZeroDivisionError as e:
        print("result() relève :", e)
    t2 = asyncio.create_task(ok())
    await t2
    print(t2.exception(), t2.result())
    t2.set_name("renommée")
    print(t2.get_name())

asyncio.run(main())

import asyncio

async def dort():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("CancelledError reçue dans la tâche")
        raise
    finally:
        print("finally de la tâche")

async def main():
    t = asyncio.create_task(dort())
    await asyncio.sleep(0.1)
    print("cancel() ->", t.cancel())
    print("done juste après cancel :", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("await lève CancelledError")
    print("cancelled :", t.cancelled(), "done :", t.done())
    print("cancel() sur tâche finie ->", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() lève CancelledError")
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))

asyncio.run(main())

import asyncio

async def longue(nom):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(nom, "annulée")
        raise

async def echoue():
    await asyncio.sleep(0.1)
    raise ValueError("échec dans le groupe")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(longue("l1"))
            tg.create_task(echoue())
            tg.create_task(longue("l2"))
    except* ValueError as eg:
        print("except* :", repr(eg.exceptions))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(echoue())
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg)

asyncio.run(main())

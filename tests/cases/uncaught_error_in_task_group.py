import asyncio

async def travail(n):
    await asyncio.sleep(n / 10)
    if n == 2:
        raise ValueError("travail 2 a échoué")
    print("travail", n, "fini")

async def main():
    async with asyncio.TaskGroup() as tg:
        for n in range(1, 4):
            tg.create_task(travail(n))

asyncio.run(main())

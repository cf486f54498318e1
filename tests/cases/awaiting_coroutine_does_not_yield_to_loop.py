import asyncio

async def sans_suspension():
    print("  sous-coroutine (pas de suspension)")
    return 7

async def autre():
    print("autre tâche s'exécute")

async def main():
    asyncio.create_task(autre())
    print("main : await d'une coroutine")
    v = await sans_suspension()
    print("main : toujours avant l'autre tâche, v =", v)
    await asyncio.sleep(0)
    print("main : après sleep(0)")

asyncio.run(main())

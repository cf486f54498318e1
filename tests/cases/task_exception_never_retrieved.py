import asyncio

async def boum():
    print("boum lève une exception")
    raise ValueError("personne ne la lira")

async def main():
    asyncio.create_task(boum())
    await asyncio.sleep(0.1)
    print("main continue, l'erreur de la tâche n'est pas propagée")

asyncio.run(main())
print("fin")

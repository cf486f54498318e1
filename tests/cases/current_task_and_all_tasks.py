import asyncio

async def fille(n):
    moi = asyncio.current_task()
    print("dans", moi.get_name())
    await asyncio.sleep(n)

async def main():
    principale = asyncio.current_task()
    print("principale :", principale.get_name())
    taches = [asyncio.create_task(fille(i), name=f"fille-{i}") for i in (1, 2)]
    print(len(asyncio.all_tasks()), "tâches vivantes")
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await taches[0]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await taches[1]
    print(asyncio.all_tasks() == {principale})

print(asyncio.current_task() if False else "hors boucle")
asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError :", e)

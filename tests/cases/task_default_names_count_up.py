import asyncio

# Les noms par défaut Task-N viennent d'un compteur global au processus.
async def f():
    await asyncio.sleep(0)

async def main():
    print(asyncio.current_task().get_name())
    t1 = asyncio.create_task(f())
    t2 = asyncio.create_task(f(), name="perso")      # consomme quand même un numéro
    t3 = asyncio.ensure_future(f())
    print(t1.get_name(), t2.get_name(), t3.get_name())
    loop = asyncio.get_running_loop()
    t4 = loop.create_task(f(), name="perso-boucle")  # ne consomme pas de numéro
    t5 = loop.create_task(f())
    print(t4.get_name(), t5.get_name())
    await asyncio.gather(t1, t2, t3, t4, t5)
    g = asyncio.gather(f(), f())                     # deux tâches : deux numéros
    await g
    print(asyncio.create_task(f()).get_name())

asyncio.run(main())
print("second asyncio.run :")
asyncio.run(main())

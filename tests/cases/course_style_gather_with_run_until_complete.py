import asyncio

# Le style du cours : boucle explicite, gather, run_until_complete, close.
async def coroutine(n, duree):
    print(f"Exécution de la coroutine {n}")
    await asyncio.sleep(duree)
    print(f"Fin de l'exécution de la coroutine {n}")
    return n * 10

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
liste_coroutines = asyncio.gather(coroutine(1, 2), coroutine(2, 1), coroutine(3, 1.5))
print(type(liste_coroutines).__name__)
resultats = loop.run_until_complete(liste_coroutines)
print(resultats, liste_coroutines.done())
loop.close()

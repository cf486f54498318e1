import asyncio

async def tache(n):
    await asyncio.sleep(n)
    return f"tâche {n} finie"

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(tache(1)))
print(loop.run_until_complete(tache(2)))
print(asyncio.get_event_loop() is loop)
loop.close()
print(loop.is_closed())
loop.close()
print("fermer deux fois ne fait rien")

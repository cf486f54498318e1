import asyncio

async def eternelle():
    print("eternelle démarre")
    await asyncio.sleep(3600)
    print("jamais affiché")

async def courte():
    await asyncio.sleep(0.1)
    print("courte finie")

loop = asyncio.new_event_loop()
loop.create_task(eternelle())
loop.run_until_complete(courte())
loop.close()
print("boucle fermée avec une tâche encore en attente")

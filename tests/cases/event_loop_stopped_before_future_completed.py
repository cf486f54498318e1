import asyncio

async def arreteuse(loop):
    print("j'arrête la boucle")
    loop.stop()
    await asyncio.sleep(1)
    print("jamais affiché")

loop = asyncio.new_event_loop()
loop.run_until_complete(arreteuse(loop))

import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_later(0.1, print, "h1 exécuté")
    h2 = loop.call_later(0.2, print, "h2 ne doit pas s'exécuter")
    h3 = loop.call_soon(print, "h3 ne doit pas s'exécuter")
    h2.cancel()
    h3.cancel()
    print(h1.cancelled(), h2.cancelled())
    print(round(h1.when() - loop.time(), 3))
    await asyncio.sleep(0.5)
    print("fin")

asyncio.run(main())

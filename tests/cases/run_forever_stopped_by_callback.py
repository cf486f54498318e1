import asyncio

loop = asyncio.new_event_loop()

def tic(n):
    print("tic", n, f"t={loop.time() - debut:.1f}")
    if n < 3:
        loop.call_later(0.5, tic, n + 1)
    else:
        loop.stop()

debut = loop.time()
loop.call_soon(tic, 0)
loop.run_forever()
print("boucle arrêtée, is_running =", loop.is_running())
loop.call_soon(print, "relancée")
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()

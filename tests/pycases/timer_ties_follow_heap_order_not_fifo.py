import asyncio

# Deux rappels à la même échéance ne sortent pas forcément dans l'ordre
# d'inscription : la boucle de CPython garde ses minuteurs dans un tas (heapq)
# comparé sur l'échéance seule. Ici B passe avant A.
loop = asyncio.new_event_loop()

def c():
    print("C (1 s)")
    loop.call_later(2, loop.stop)

loop.call_later(2, print, "A (2 s, inscrit en premier)")
loop.call_later(2, print, "B (2 s, inscrit en second)")
loop.call_later(1, c)
loop.run_forever()
loop.close()

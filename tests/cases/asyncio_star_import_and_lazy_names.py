# `from asyncio import *` and names asked for on the module: queues, locks, events and
# timeouts are there as in CPython (3.11 leaves TaskGroup out of the star import).
import asyncio
from asyncio import *

print(hasattr(asyncio, 'Queue'), hasattr(asyncio, 'TaskGroup'), hasattr(asyncio, 'pas_la'))
try:
    TaskGroup
except NameError as e:
    print('NameError:', e)
try:
    asyncio.pas_la
except AttributeError as e:
    print('AttributeError:', e)


async def producteur(q, ev):
    for i in range(3):
        await q.put(i)
        await sleep(0.1)
    ev.set()


async def consommateur(q, verrou):
    async with verrou:
        while True:
            x = await q.get()
            print('reçu', x)
            q.task_done()


async def main():
    q = Queue(maxsize=1)
    ev = Event()
    verrou = Lock()
    c = create_task(consommateur(q, verrou))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producteur(q, ev))
    await ev.wait()
    await q.join()
    c.cancel()
    r = await gather(c, return_exceptions=True)
    print(type(r[0]).__name__, verrou.locked())
    async with timeout(1):
        await sleep(0.5)
    print('fin', isinstance(Semaphore(2), Semaphore), Condition().locked())


run(main())

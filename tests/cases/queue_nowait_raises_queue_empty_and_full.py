import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.empty(), q.full(), q.qsize(), q.maxsize)
    q.put_nowait("a")
    q.put_nowait("b")
    print(q.empty(), q.full(), q.qsize())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull", repr(asyncio.QueueFull()))
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    illimitee = asyncio.Queue()
    for i in range(1000):
        illimitee.put_nowait(i)
    print(illimitee.full(), illimitee.qsize())
    try:
        q.task_done()
        q.task_done()
        q.task_done()
    except ValueError as e:
        print("ValueError :", e)

asyncio.run(main())

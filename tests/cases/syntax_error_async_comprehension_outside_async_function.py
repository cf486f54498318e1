import asyncio

async def nombres():
    for i in range(3):
        yield i

def collecte():
    return [x async for x in nombres()]

print(collecte())

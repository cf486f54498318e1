import asyncio

def interne():
    yield 1
    yield 2

async def relais():
    yield from interne()

print("jamais affiché")

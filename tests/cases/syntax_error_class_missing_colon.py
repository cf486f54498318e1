import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

class Point
    def __init__(self, x):
        self.x = x

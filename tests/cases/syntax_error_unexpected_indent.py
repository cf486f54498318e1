import asyncio

async def tache(nom):
    print("début", nom)
    await asyncio.sleep(1)

print("début")
x = 1
    y = 2
print(x + y)

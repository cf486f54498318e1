import asyncio

async def f():
    return 1

resultat = await f()
print(resultat)

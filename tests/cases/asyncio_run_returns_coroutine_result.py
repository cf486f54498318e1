import asyncio

async def calcul(x):
    await asyncio.sleep(0.1)
    return x * 2

async def main():
    a = await calcul(10)
    b = await calcul(a)
    print("a =", a, "b =", b)
    return a + b

resultat = asyncio.run(main())
print("résultat :", resultat)
print(asyncio.run(calcul(21)))

import asyncio

async def source():
    yield 1
    raise ValueError("panne de la source")

async def arret():
    yield 1
    raise StopAsyncIteration

async def simple():
    yield "x"

async def main():
    try:
        async for v in source():
            print("reçu", v)
    except ValueError as e:
        print("erreur propagée :", e)
    try:
        async for v in arret():
            print("reçu", v)
    except RuntimeError as e:
        print("RuntimeError :", e)
    g = simple()
    print(type(g).__name__, type(g.__anext__()).__name__, type(g.aclose()).__name__)
    print(g.__aiter__() is g, hasattr(g, "__anext__"), hasattr(g, "__next__"))
    try:
        for x in simple():
            pass
    except TypeError as e:
        print("TypeError :", e)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError :", e)
    try:
        await simple().asend("trop tôt")
    except TypeError as e:
        print("TypeError :", e)
    print(await anext(simple()))

asyncio.run(main())

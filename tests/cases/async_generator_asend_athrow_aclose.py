import asyncio

async def echo():
    recu = None
    try:
        while True:
            try:
                recu = yield f"écho {recu}"
            except ValueError as e:
                print("le générateur attrape", repr(e))
                recu = "après erreur"
    finally:
        print("finally de echo")

async def main():
    g = echo()
    print(await g.asend(None))
    print(await g.asend("a"))
    print(await g.asend("b"))
    print(await g.athrow(ValueError("oups")))
    print(await g.__anext__())
    print(await g.aclose())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("fini : StopAsyncIteration")
    print(await g.aclose())
    h = echo()
    print(await h.aclose(), "(jamais démarré)")
    k = echo()
    await anext(k)
    try:
        await k.athrow(KeyError("clé"))
    except KeyError as e:
        print("athrow propage", repr(e))
    print(await anext(k, "défaut"))

asyncio.run(main())

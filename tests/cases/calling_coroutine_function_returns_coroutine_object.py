import asyncio

async def f():
    print("corps de f")
    return 5

c = f()
print(type(c).__name__)
print(asyncio.iscoroutine(c), asyncio.iscoroutinefunction(f))
print("le corps ne s'est pas encore exécuté")
print(asyncio.run(c))
try:
    asyncio.run(c)
except RuntimeError as e:
    print("RuntimeError :", e)
c2 = f()
c2.close()
print("coroutine fermée sans avertissement")

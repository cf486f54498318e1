import asyncio

async def main():
    print("main")

try:
    asyncio.run(main)   # oubli des parenthèses
except ValueError as e:
    print("ValueError :", str(e).split(" <")[0])
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError :", e)
asyncio.run(main())

async def g():
    try:
        await asyncio.gather(1, 2)
    except TypeError as e:
        print("TypeError :", e)
    try:
        asyncio.create_task(main)
    except TypeError as e:
        print("TypeError :", str(e).split(" <")[0])

asyncio.run(g())

import asyncio

async def main():
    print("avant")
    try:
        await asyncio.sleep(0)
        await 42
    except TypeError as e:
        print("TypeError :", e)
    await "texte"

asyncio.run(main())

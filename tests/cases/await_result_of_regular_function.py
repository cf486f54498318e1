import asyncio

def pas_async():
    return None

async def main():
    print("on attend une fonction ordinaire")
    await pas_async()

asyncio.run(main())

import asyncio

# A coroutine: await hands control back to the loop.
async def task(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"end {name}")
    return name

async def main():
    # gather runs both tasks together: 2 s, not 3
    results = await asyncio.gather(task("A", 2), task("B", 1))
    print(results)

# asyncio.run creates the loop, runs main(), closes it
asyncio.run(main())

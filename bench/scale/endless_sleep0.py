# Runs forever: `await asyncio.sleep(0)` in a loop (stopped after 10 s by the bench).
import asyncio

async def main():
    while True:
        await asyncio.sleep(0)

asyncio.run(main())

import asyncio

class Ticker:
    def __init__(self, n, delai):
        self.n = n
        self.delai = delai
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(self.delai)
        self.i += 1
        return self.i

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async for tick in Ticker(3, 0.5):
        print(f"tick {tick} à {loop.time() - t0:.1f} s")
    else:
        print("boucle async for terminée")

asyncio.run(main())

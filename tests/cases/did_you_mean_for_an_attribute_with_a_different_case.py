import asyncio

q = asyncio.queue()

import asyncio

async def dire(msg):
    await asyncio.sleep(0.1)
    print(msg)

async def main():
    dire("oublié")          # appel sans await : la coroutine n'est jamais exécutée
    await dire("attendu")
    print("fin de main")

asyncio.run(main())
print("fin du programme")

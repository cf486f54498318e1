import asyncio

# "lent" programme sleep(2) à t=0 ; "rapide" programme sleep(1) à t=1 :
# les deux échéances tombent à t=2, celle programmée en premier passe d'abord.
async def lent():
    await asyncio.sleep(2)
    print("lent réveillé")

async def rapide():
    await asyncio.sleep(1)
    print("rapide étape 1")
    await asyncio.sleep(1)
    print("rapide réveillé")

async def main():
    await asyncio.gather(lent(), rapide())

asyncio.run(main())

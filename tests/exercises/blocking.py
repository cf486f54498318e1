import asyncio
import time

async def tache(nom, duree):
    print(f"début {nom}")
    await asyncio.sleep(duree)  # attendre la réponse d'un serveur
    print(f"fin {nom}")

async def main():
    await asyncio.gather(tache("A", 1), tache("B", 1), tache("C", 1))

debut = time.perf_counter()
asyncio.run(main())
print(f"durée : {time.perf_counter() - debut:.1f} s")

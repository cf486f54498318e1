import asyncio
from enum import Enum, auto


class Phase(Enum):
    PRET = auto()
    EN_COURS = auto()
    FINI = auto()


etats = {}


async def travail(nom, duree):
    etats[nom] = Phase.EN_COURS
    await asyncio.sleep(duree)
    etats[nom] = Phase.FINI
    return nom


async def main():
    for nom in ("a", "b"):
        etats[nom] = Phase.PRET
    t1 = asyncio.create_task(travail("a", 1))
    t2 = asyncio.create_task(travail("b", 2))
    print({k: v.name for k, v in etats.items()})
    await asyncio.sleep(1.5)
    print({k: v.name for k, v in etats.items()})
    await asyncio.gather(t1, t2)
    print({k: v.name for k, v in etats.items()}, all(v is Phase.FINI for v in etats.values()))


asyncio.run(main())

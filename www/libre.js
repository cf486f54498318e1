// The blank scenario « Mon code / My code »: a short, commented asyncio template.
export const LIBRE_ID = 'libre';
export const LIBRE_FILE = 'mon_code.py';

const TEMPLATES = {
  fr: `import asyncio

# Une coroutine : « await » rend la main à la boucle pendant l'attente.
async def tache(nom, duree):
    print(f"début {nom}")
    await asyncio.sleep(duree)
    print(f"fin {nom}")
    return nom

async def main():
    # gather lance les deux tâches en même temps : 2 s en tout, pas 3
    resultats = await asyncio.gather(tache("A", 2), tache("B", 1))
    print(resultats)

# asyncio.run crée la boucle, exécute main() puis ferme la boucle
asyncio.run(main())
`,
  en: `import asyncio

# A coroutine: "await" hands control back to the loop while it waits.
async def task(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"end {name}")
    return name

async def main():
    # gather runs both tasks at the same time: 2 s in all, not 3
    results = await asyncio.gather(task("A", 2), task("B", 1))
    print(results)

# asyncio.run creates the loop, runs main() and closes the loop
asyncio.run(main())
`,
};

export function libreTemplate(lang) {
  return TEMPLATES[lang] || TEMPLATES.fr;
}

/** Whether `code` is one of the templates (in any language): not "edited". */
export function isTemplate(code) {
  return Object.values(TEMPLATES).includes(code);
}

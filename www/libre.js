// The blank scenario « Mon code / My code »: a short, commented asyncio template.
export const LIBRE_ID = 'libre';
export const LIBRE_FILE = 'mon_code.py';

const TEMPLATES = {
  fr: `import asyncio

# Une coroutine : await rend la main à la boucle.
async def tache(nom, duree):
    print(f"début {nom}")
    await asyncio.sleep(duree)
    print(f"fin {nom}")
    return nom

async def main():
    # gather lance les deux tâches ensemble : 2 s, pas 3
    resultats = await asyncio.gather(tache("A", 2), tache("B", 1))
    print(resultats)

# asyncio.run crée la boucle, lance main(), la ferme
asyncio.run(main())
`,
  en: `import asyncio

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
`,
};

export function libreTemplate(lang) {
  return TEMPLATES[lang] || TEMPLATES.fr;
}

/** Whether `code` is one of the templates (in any language): not "edited". */
export function isTemplate(code) {
  return Object.values(TEMPLATES).includes(code);
}

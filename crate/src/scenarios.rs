//! The course examples: the catalogue the page and the CLI offer. The Python files
//! (the vendored `crate/course/*.py`) are the single source of truth: a scenario is
//! its file run by the interpreter, with a title, a summary and, for an example that
//! fails, what is wrong and which scenario fixes it.

use crate::python::asyncio::PyProgram;
use crate::python::Outcome;
use crate::runtime::Loop;

/// Text in the page's two languages.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    /// French.
    pub fr: &'static str,
    /// English.
    pub en: &'static str,
}

/// One example of the course.
pub struct Scenario {
    /// Short id used in URLs (`00` … `09`, `05b`).
    pub id: &'static str,
    /// The course file name, e.g. `03_two_coroutines_ensure_future.py`.
    pub file: &'static str,
    /// Title shown in the picker.
    pub title: Text,
    /// One sentence on what it shows.
    pub summary: Text,
    /// The Python source.
    pub source: &'static str,
    /// For an example that fails: what is wrong, and the id of the fixed version.
    pub bug: Option<(Text, &'static str)>,
}

macro_rules! course {
    ($file:literal) => {
        include_str!(concat!("../course/", $file))
    };
}

static SCENARIOS: &[Scenario] = &[
    Scenario {
        id: "00",
        file: "00_synchrone_vs_asynchrone.py",
        title: Text { fr: "Synchrone ou asynchrone ?", en: "Synchronous or asynchronous?" },
        summary: Text {
            fr: "Trois tâches bloquantes prennent 3 s ; les mêmes avec await asyncio.sleep prennent 1 s.",
            en: "Three blocking tasks take 3 s; the same with await asyncio.sleep take 1 s.",
        },
        source: course!("00_synchrone_vs_asynchrone.py"),
        bug: None,
    },
    Scenario {
        id: "01",
        file: "01_run_until_complete.py",
        title: Text { fr: "run_until_complete : exécuter une coroutine", en: "run_until_complete: run one coroutine" },
        summary: Text {
            fr: "get_event_loop(), run_until_complete() puis close().",
            en: "get_event_loop(), run_until_complete() then close().",
        },
        source: course!("01_run_until_complete.py"),
        bug: None,
    },
    Scenario {
        id: "02",
        file: "02_run_forever_stop.py",
        title: Text { fr: "run_forever et stop", en: "run_forever and stop" },
        summary: Text {
            fr: "ensure_future() puis run_forever(), arrêtée par loop.stop() dans la coroutine.",
            en: "ensure_future() then run_forever(), stopped by loop.stop() inside the coroutine.",
        },
        source: course!("02_run_forever_stop.py"),
        bug: None,
    },
    Scenario {
        id: "03",
        file: "03_two_coroutines_ensure_future.py",
        title: Text { fr: "Deux coroutines avec ensure_future", en: "Two coroutines with ensure_future" },
        summary: Text {
            fr: "Deux coroutines qui attendent 2 s chacune finissent ensemble après 2 s.",
            en: "Two coroutines sleeping 2 s each finish together after 2 s.",
        },
        source: course!("03_two_coroutines_ensure_future.py"),
        bug: None,
    },
    Scenario {
        id: "04",
        file: "04_gather.py",
        title: Text { fr: "gather (version du cours, avec l'erreur)", en: "gather (the course's version, with its bug)" },
        summary: Text {
            fr: "L'exemple gather du cours tel quel : une espace en trop, Python refuse le fichier.",
            en: "The course's gather example verbatim: one stray space, Python refuses the file.",
        },
        source: course!("04_gather.py"),
        bug: Some((
            Text {
                fr: "Ligne 7, « await asyncio.sleep(2) » commence par 5 espaces au lieu de 4. En Python l'indentation fait partie de la syntaxe : avant d'exécuter quoi que ce soit, Python lit tout le fichier et le refuse (IndentationError: unexpected indent). Rien n'est affiché et aucune coroutine ne démarre. Correction : aligner la ligne sur ses voisines (4 espaces).",
                en: "Line 7, \"await asyncio.sleep(2)\" starts with 5 spaces instead of 4. In Python indentation is part of the syntax: before running anything, Python reads the whole file and refuses it (IndentationError: unexpected indent). Nothing is printed and no coroutine starts. Fix: align the line with its neighbours (4 spaces).",
            },
            "05",
        )),
    },
    Scenario {
        id: "05",
        file: "05_gather_fixed_indent.py",
        title: Text { fr: "gather, indentation corrigée", en: "gather, indentation fixed" },
        summary: Text {
            fr: "loop.stop() dans une coroutine du gather arrête la boucle avant que le futur du gather soit terminé.",
            en: "loop.stop() inside a gathered coroutine stops the loop before the gather future is done.",
        },
        source: course!("05_gather_fixed_indent.py"),
        bug: Some((
            Text {
                fr: "Coroutine_2 appelle loop.stop(). La boucle finit l'itération en cours puis s'arrête : les deux coroutines ont bien fini, mais le rappel de gather, qui termine le futur « liste_coroutines », devait s'exécuter à l'itération suivante. run_until_complete voit un futur inachevé et lève RuntimeError: Event loop stopped before Future completed. Avec run_until_complete, n'appelez pas loop.stop() : la boucle s'arrête d'elle-même quand le futur est terminé.",
                en: "Coroutine_2 calls loop.stop(). The loop finishes the current iteration and stops: both coroutines are done, but gather's callback, which completes the future \"liste_coroutines\", was due in the next iteration. run_until_complete sees an unfinished future and raises RuntimeError: Event loop stopped before Future completed. With run_until_complete, do not call loop.stop(): the loop stops by itself when the future is done.",
            },
            "05b",
        )),
    },
    Scenario {
        id: "05b",
        file: "05b_gather_sans_stop.py",
        title: Text { fr: "gather, sans loop.stop()", en: "gather, without loop.stop()" },
        summary: Text {
            fr: "La version corrigée : run_until_complete arrête la boucle quand gather est terminé.",
            en: "The fixed version: run_until_complete stops the loop once gather is done.",
        },
        source: include_str!("../course-extra/05b_gather_sans_stop.py"),
        bug: None,
    },
    Scenario {
        id: "06",
        file: "06_await_nested.py",
        title: Text { fr: "Une coroutine qui en attend une autre", en: "A coroutine awaiting another" },
        summary: Text {
            fr: "Coroutine_1 attend Coroutine_2 avec await et récupère sa valeur de retour.",
            en: "Coroutine_1 awaits Coroutine_2 and gets its return value.",
        },
        source: course!("06_await_nested.py"),
        bug: None,
    },
    Scenario {
        id: "07",
        file: "07_websocket_wait_first_completed.py",
        title: Text { fr: "Websocket : envoyer et recevoir en même temps", en: "Websocket: send and receive at the same time" },
        summary: Text {
            fr: "asyncio.wait(FIRST_COMPLETED) sur l'envoi et la réception d'un websocket simulé.",
            en: "asyncio.wait(FIRST_COMPLETED) on sending and receiving over a simulated websocket.",
        },
        source: course!("07_websocket_wait_first_completed.py"),
        bug: None,
    },
    Scenario {
        id: "08",
        file: "08_requetes_reseau.py",
        title: Text { fr: "Requêtes réseau : l'une après l'autre ou en même temps", en: "Network requests: one after another or all at once" },
        summary: Text {
            fr: "Trois requêtes HTTP simulées : 2,7 s en séquentiel, 1,5 s avec gather.",
            en: "Three simulated HTTP requests: 2.7 s sequentially, 1.5 s with gather.",
        },
        source: course!("08_requetes_reseau.py"),
        bug: None,
    },
    Scenario {
        id: "09",
        file: "09_acces_donnees.py",
        title: Text { fr: "Accès aux données : as_completed", en: "Data access: as_completed" },
        summary: Text {
            fr: "Des sources de données lentes, traitées dès que chacune répond.",
            en: "Slow data sources, each handled as soon as it answers.",
        },
        source: course!("09_acces_donnees.py"),
        bug: None,
    },
];

/// Every scenario, in course order.
pub fn all() -> &'static [Scenario] {
    SCENARIOS
}

/// The scenario with this id, or a message listing the accepted ids.
pub fn find(id: &str) -> Result<&'static Scenario, String> {
    SCENARIOS.iter().find(|s| s.id == id).ok_or_else(|| {
        let ids: Vec<&str> = SCENARIOS.iter().map(|s| s.id).collect();
        format!(
            "unknown scenario '{id}': accepted ids are {}",
            ids.join(", ")
        )
    })
}

impl Scenario {
    /// Installs the scenario's Python source as `lp`'s program, run by the
    /// interpreter exactly as `python3 FILE` would.
    pub fn install(&self, lp: &Loop) -> PyProgram {
        PyProgram::install(lp, self.file, self.source)
    }

    /// Runs the scenario to the end on a virtual clock (instant, deterministic).
    pub fn run_virtual(&self) -> (Loop, Outcome) {
        let lp = Loop::new_virtual();
        let program = self.install(&lp);
        lp.run_to_end();
        let outcome = program.result(&lp);
        (lp, outcome)
    }
}

// Interface texts in French (default) and English. Pure: no DOM.
// Scenario titles, summaries and bug explanations come from the wasm `scenarios()`.

export const LANGS = ['fr', 'en'];
export const DEFAULT_LANG = 'fr';

const fr = {
  'app.title': 'Boucle — la boucle d’événements d’asyncio, pas à pas',
  'app.name': 'Boucle',
  'app.tagline': 'La boucle d’événements d’asyncio, rendue visible',
  'ui.scenario': 'Exemple du cours',
  'ui.run': 'Lancer',
  'ui.stop': 'Arrêter',
  'ui.step': 'Pas à pas',
  'ui.stepNext': 'Itération suivante',
  'ui.speed': 'Vitesse',
  'ui.speed.instant': 'instantané',
  'ui.lang': 'Langue',
  'ui.export': 'Exporter la trace (Perfetto)',
  'ui.exportShort': 'Exporter',
  'ui.code': 'Code Python',
  'ui.log': 'Sortie du programme',
  'ui.gantt': 'Chronologie des tâches',
  'ui.timeline': 'Instant affiché (secondes)',
  'ui.queues': 'File des tâches prêtes et minuteurs',
  'ui.legend': 'Légende',
  'ui.table': 'Tableau des événements (équivalent texte du graphique)',
  'ui.col.time': 'Instant',
  'ui.col.who': 'Qui',
  'ui.col.what': 'Ce qui se passe',
  'ui.bug': 'Pourquoi cet exemple échoue',
  'ui.loadFixed': 'Charger la version corrigée',
  'ui.dismiss': 'Fermer le message',
  'ui.hint': 'Choisissez un exemple puis cliquez sur « Lancer » (ou « Pas à pas » pour suivre chaque itération de la boucle).',
  'ui.emptyLog': 'Rien n’a encore été affiché.',
  'ui.ganttLabel': 'Chronologie des tâches. Flèches haut et bas : changer de tâche ; gauche et droite : période précédente ou suivante ; Entrée : aller à cet instant.',
  'ui.ganttEmpty': 'Lancez l’exemple pour voir la chronologie.',
  'ui.openFull': 'Ouvrir dans Boucle',
  'ui.now': 'maintenant',
  'ui.mark': 'moment choisi',
  'ui.currentLine': 'Ligne {line} — {who}',
  'ui.seconds': 'secondes',
  'ui.main': 'Contenu principal',
  'ui.controls': 'Commandes',
  'ui.source': 'Source : exemples du cours BTS SIO sur asyncio, réponses de CPython 3.11.',
  'ui.editorLabel': 'Code Python (modifiable)',
  'ui.editorHelp': 'Le code est modifiable. Ctrl+Entrée : lancer. Tab : indenter, Maj+Tab : désindenter. Pour quitter l’éditeur au clavier : Échap puis Tab.',
  'ui.codeModified': 'code modifié',
  'ui.resetCode': 'Revenir au code du cours',
  'ui.resetTemplate': 'Revenir au modèle',
  'ui.rewrite': 'Réécrire avec asyncio.run',
  'ui.errorAt': 'Ligne {line} : {message}',
  'ui.hintLabel': 'Conseil :',
  'status.pyRunning': 'L’interpréteur Python exécute le programme…',
  'error.stepLimit': 'La page arrête un programme après 200 millions d’instructions : celui-ci les a atteintes. Il ne s’arrêtera peut-être jamais.',
  'ui.runUnlimited': 'Relancer sans limite',
  'notice.window': 'Le programme continue : la frise ne montre que ses {n} derniers événements (les plus anciens sont oubliés pour ne pas saturer la mémoire).',
  'error.tooLong': 'Programme arrêté après {n} événements : il ne semble pas se terminer (boucle infinie ?).',
  'url.badCode': 'Le code contenu dans le lien (paramètre code=) est illisible ou abîmé : le code du cours est affiché à la place.',
  'libre.title': 'Mon code',
  'libre.summary': 'Une page blanche : écrivez votre propre programme asyncio, lancez-le et regardez la boucle travailler.',
  'status.loading': 'Chargement…',
  'status.ready': 'Prêt.',
  'status.running': 'Exécution en cours…',
  'status.done': 'Terminé en {time} (temps de la boucle).',
  'status.stopped': 'Exécution arrêtée à {time}.',
  'status.error': 'Erreur.',
  'error.panic': 'Le moteur Boucle a rencontré une erreur interne : {message}. La page reste utilisable : relancez l’exemple.',
  'error.run': 'L’exécution a échoué : {message}',
  'error.load': 'Impossible de charger le moteur WebAssembly : {message}',
  'error.export': 'Export impossible : {message}',
  'url.badScenario': 'Exemple « {value} » inconnu. Valeurs acceptées : {accepted}. L’exemple {fallback} est affiché à la place.',
  'url.badLang': 'Langue « {value} » inconnue. Valeurs acceptées : {accepted}. Le français est utilisé à la place.',
  'url.badSpeed': 'Vitesse « {value} » inconnue. Valeurs acceptées : {accepted}. La vitesse ×1 est utilisée à la place.',
  'ui.big': 'Projecteur',
  'ui.lessons': 'Leçons',
  'url.badT': 'Instant « {value} » invalide : il faut un nombre de secondes positif ou nul (par exemple t=1.5). Il est ignoré.',
  'lane.loop': 'Boucle / programme principal',
  'who.loop': 'la boucle',
  'state.ready': 'prête (dans la file)',
  'state.running': 'en cours d’exécution',
  'state.waiting': 'en attente',
  'state.done': 'terminée',
  'state.cancelled': 'annulée',
  'state.failed': 'en échec',
  'loopState.main': 'exécute le code de premier niveau',
  'loopState.busy': 'exécute les tâches prêtes',
  'loopState.idle': 'au repos, attend un minuteur',
  'loopState.blocked': 'bloquée par time.sleep',
  'loopState.stopped': 'arrêtée',
  'ui.stepPrev': 'Précédent',
  'ui.stepPrevHelp': 'Pas précédent (touche ←)',
  'ui.stepHelp': 'Pas suivant (touche →)',
  'lane.shutdown': 'fin d’asyncio.run',
  'legend.runWidthShort': '(élargi pour être vu)',
  'legend.runWidth': '« en cours » est élargi pour être visible : une étape ne prend pas de temps mesurable, la largeur montre l’ordre des tâches.',
  'status.failedPlain': 'Terminé avec une erreur en {time}.',
  'status.interrupted': 'Programme interrompu en {time} : il ne rendait jamais la main.',
  'legend.tasks': 'Tâches',
  'legend.loop': 'Boucle',
  'legend.arrow': 'flèche : réveil, annulation ou résultat',
};


/** The loaded dictionaries: French always, English once `loadLang('en')` resolved. */
export const DICTS = { fr };

/** Make `lang`'s texts available to `t`; until then (or if loading fails) `t` answers
 *  in French. */
export async function loadLang(lang) {
  if (lang === 'en' && !DICTS.en) DICTS.en = (await import('./i18n-en.js')).default;
}

/** Translate `key` in `lang`, replacing `{name}` placeholders from `params`. */
export function t(lang, key, params) {
  const dict = DICTS[lang] || DICTS[DEFAULT_LANG];
  let s = dict[key];
  if (s == null) s = DICTS[DEFAULT_LANG][key];
  if (s == null) return key;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] != null ? String(params[k]) : m));
  return s;
}

/** A translator bound to one language: tr(key, params). */
export function translator(lang) {
  return (key, params) => t(lang, key, params);
}

/**
 * Format a loop time in seconds: French uses a decimal comma ("1,0 s"), English a
 * point ("1.0 s"). At least one decimal, at most `max` (trailing zeros trimmed).
 * Number and unit are joined by a no-break space.
 */
export function formatSeconds(x, lang, max = 3) {
  const v = Number.isFinite(x) ? x : 0;
  let s = v.toFixed(max);
  if (s.includes('.')) s = s.replace(/0+$/, '');
  if (s.endsWith('.')) s += '0';
  if (s === '-0.0') s = '0.0';
  if (lang === 'fr') s = s.replace('.', ',');
  return s + '\u00a0s';
}

/** Speed label: ×0,25 in French, ×0.25 in English. */
export function formatSpeed(v, lang) {
  if (v === 'instant') return t(lang, 'ui.speed.instant');
  const s = String(v);
  return '×' + (lang === 'fr' ? s.replace('.', ',') : s);
}

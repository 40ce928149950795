/**
 * Reading the own templates without the storage library: a plain `storage.local` read of the
 * key the versioned item (own-templates-store.ts) writes, so the popup can afford it beside its
 * start-up reads. `loadOwnTemplates` also makes them known to the page's template lookups.
 */
import { browser } from 'wxt/browser';
import { ownAsTemplate, parseTemplates, type TemplatePrefs } from './own-templates';
import { offeredIds, ownTemplates, TEMPLATE_IDS } from './templates';

/**
 * Where own templates live: `storage.local`, not `sync`. Thirty templates of twelve questions
 * of 200 characters are up to ~80 KB of words, far past `storage.sync`'s 8 KB per item (and
 * close to its 100 KB in all, which the settings share); local holds megabytes.
 */
export const TEMPLATES_KEY = 'templates';

/** The stored template preferences, made safe. */
export async function readTemplatePrefs(): Promise<TemplatePrefs> {
  return parseTemplates((await browser.storage.local.get(TEMPLATES_KEY))[TEMPLATES_KEY]);
}

/** Make `prefs` the templates this page's pickers and question lookups know. */
export function knowTemplates(prefs: TemplatePrefs): TemplatePrefs {
  for (const id of Object.keys(ownTemplates)) delete ownTemplates[id];
  for (const template of prefs.own) ownTemplates[template.id] = ownAsTemplate(template);
  const shown = TEMPLATE_IDS.filter((id) => !prefs.hidden.includes(id));
  offeredIds.splice(0, offeredIds.length, ...shown, ...prefs.own.map((o) => o.id));
  return prefs;
}

/** Read the stored templates and make them known to this page; a failed read knows none. */
export function loadOwnTemplates(): Promise<TemplatePrefs> {
  return readTemplatePrefs()
    .catch(() => parseTemplates(null))
    .then(knowTemplates);
}

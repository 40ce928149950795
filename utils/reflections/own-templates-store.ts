/**
 * The versioned template item (`@wxt-dev/storage`): written by the options page only, under
 * the cross-context lock, and watched by the pages that show templates. Reading without the
 * library is own-templates-read-store.ts.
 */
import { storage } from '@wxt-dev/storage';
import { withLock } from '../core/cross-context-lock-browser';
import { mergeTemplatePrefs } from './own-template-edits';
import { EMPTY_TEMPLATE_PREFS, parseTemplates, type TemplatePrefs } from './own-templates';
import { readTemplatePrefs, TEMPLATES_KEY } from './own-templates-read-store';

export const templatesItem = storage.defineItem<TemplatePrefs>(`local:${TEMPLATES_KEY}`, {
  fallback: EMPTY_TEMPLATE_PREFS,
  version: 1,
});

/**
 * Change the template preferences as one step in every context: `change` gets what is stored
 * now, under the lock, so an edit in another tab is never overwritten with an older copy.
 */
export function updateTemplatePrefs(
  change: (current: TemplatePrefs) => TemplatePrefs,
): Promise<TemplatePrefs> {
  return withLock('fail-well:templates', async () => {
    const next = parseTemplates(change(await readTemplatePrefs()));
    await templatesItem.setValue(next);
    return next;
  });
}

/** Merge the templates of an imported journal in (see `mergeTemplatePrefs`). */
export function importTemplatePrefs(imported: TemplatePrefs, andDefaults: boolean) {
  return updateTemplatePrefs((current) => mergeTemplatePrefs(current, imported, andDefaults));
}

/** Call `listener` with valid preferences whenever they change (here or in another page). */
export function watchTemplatePrefs(listener: (prefs: TemplatePrefs) => void): () => void {
  return templatesItem.watch((value) => listener(parseTemplates(value)));
}

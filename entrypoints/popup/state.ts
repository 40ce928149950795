/**
 * The popup's state and actions. One immutable snapshot plus subscribers instead of signals:
 * the popup has a 15 KB budget and this is all the reactivity it needs. Every change to the
 * draft is written to the draft store, so nothing typed is lost.
 */
import { describeDbError, saveReflection } from '../../utils/db';
import { clearDraft, createDraftSaver, type Draft, emptyDraft, saveDraft } from '../../utils/draft';
import { currentPageContext } from '../../utils/page-context';
import {
  createReflection,
  normalizeTags,
  parseTagText,
  type ReflectionInput,
  type Sting,
  type ValidationErrors,
  validateReflection,
} from '../../utils/reflection';
import { oneQuestion, type TemplateId } from '../../utils/templates';

export type Status = 'editing' | 'saving' | 'saved';

export interface PopupSnapshot {
  draft: Draft;
  status: Status;
  /** Set by the first save attempt: only then is "write a few words" worth saying. */
  attempted: boolean;
  saveError: string | null;
  suggestions: string[];
  errors: ValidationErrors | null;
}

const DAY_MS = 86_400_000;

/** The reflection the draft would become: pending tag text counts as tags. */
export function draftToInput(draft: Draft): ReflectionInput {
  return {
    template: draft.template,
    ...(draft.prompt ? { prompt: draft.prompt } : {}),
    answers: draft.answers,
    tags: normalizeTags([...draft.tags, ...parseTagText(draft.tagText)]),
    sting: draft.sting,
    trigger: draft.trigger,
    context: draft.attachPage ? draft.context : null,
  };
}

/** A draft for its template, asking today's rotating question when it is "One question". */
function withPrompt(draft: Draft, now: number): Draft {
  if (draft.template !== 'one' || draft.prompt) return draft;
  return { ...draft, prompt: oneQuestion(Math.floor(now / DAY_MS)).label };
}

export function createPopupState(initial: Draft, options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const listeners = new Set<() => void>();
  const saver = createDraftSaver(saveDraft);
  const draft = withPrompt(initial, now());
  let snapshot: PopupSnapshot = {
    draft,
    status: 'editing',
    attempted: false,
    saveError: null,
    suggestions: [],
    errors: validateReflection(draftToInput(draft)),
  };

  function set(patch: Partial<PopupSnapshot>): void {
    snapshot = { ...snapshot, ...patch };
    if (patch.draft) snapshot.errors = validateReflection(draftToInput(patch.draft));
    for (const listener of listeners) listener();
  }

  function update(patch: Partial<Draft>): void {
    const next = { ...snapshot.draft, ...patch, updatedAt: now() };
    set({ draft: next, saveError: null });
    saver.schedule(next);
  }

  return {
    get: () => snapshot,
    /** Call `listener` after every change; returns the unsubscribe function. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flushDraft: () => saver.flush(),
    setSuggestions: (suggestions: string[]) => set({ suggestions }),

    setAnswer(key: string, text: string) {
      update({ answers: { ...snapshot.draft.answers, [key]: text } });
    },
    /** Switching keeps every answer: shared questions stay filled, others wait in the draft. */
    setTemplate(template: TemplateId) {
      update(withPrompt({ ...snapshot.draft, template }, now()));
    },
    setTags(tags: string[], tagText: string) {
      update({ tags, tagText });
    },
    setSting(sting: Sting | null) {
      update({ sting });
    },
    async setAttachPage(attachPage: boolean) {
      update({ attachPage });
      if (attachPage && !snapshot.draft.context) {
        const context = await currentPageContext().catch(() => null);
        if (context) update({ context });
      }
    },

    /** Validate and commit; on any failure the draft stays and a message says why. */
    async save(): Promise<boolean> {
      set({ attempted: true });
      if (snapshot.status === 'saving' || snapshot.errors) return false;
      set({ status: 'saving' });
      const input = draftToInput(snapshot.draft);
      try {
        await saveReflection(createReflection(input, crypto.randomUUID(), now()));
      } catch (error) {
        set({ status: 'editing', saveError: describeDbError(error) });
        await saver.flush();
        return false;
      }
      // Only a committed reflection clears the draft.
      saver.cancel();
      await clearDraft();
      set({ status: 'saved' });
      return true;
    },

    /** After a save: a fresh, empty form. */
    startOver(template: TemplateId) {
      const fresh = withPrompt(emptyDraft(template, now(), snapshot.draft.attachPage), now());
      set({ draft: fresh, attempted: false, status: 'editing' });
    },
  };
}

export type PopupState = ReturnType<typeof createPopupState>;

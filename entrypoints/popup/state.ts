/**
 * The popup's state and actions: signals for the draft and the save status; plain functions
 * that change them. Every change is written to the draft store, so nothing typed is lost.
 */
import { computed, signal } from '@preact/signals';
import { describeDbError, saveReflection } from '../../utils/db';
import { clearDraft, createDraftSaver, type Draft, draftItem, emptyDraft } from '../../utils/draft';
import { currentPageContext } from '../../utils/page-context';
import {
  createReflection,
  normalizeTags,
  parseTagText,
  type ReflectionInput,
  type Sting,
  validateReflection,
} from '../../utils/reflection';
import { oneQuestion, type TemplateId } from '../../utils/templates';

export type Status = 'editing' | 'saving' | 'saved';

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

/** A draft for `template`, asking today's rotating question when it is "One question". */
function withPrompt(draft: Draft, now: number): Draft {
  if (draft.template !== 'one' || draft.prompt) return draft;
  return { ...draft, prompt: oneQuestion(Math.floor(now / DAY_MS)).label };
}

export function createPopupState(initial: Draft, options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const draft = signal<Draft>(withPrompt(initial, now()));
  const status = signal<Status>('editing');
  const attempted = signal(false);
  const saveError = signal<string | null>(null);
  const suggestions = signal<string[]>([]);
  const errors = computed(() => validateReflection(draftToInput(draft.value)));
  const saver = createDraftSaver((d) => draftItem.setValue(d));

  function update(patch: Partial<Draft>): void {
    draft.value = { ...draft.value, ...patch, updatedAt: now() };
    saveError.value = null;
    saver.schedule(draft.value);
  }

  return {
    draft,
    status,
    attempted,
    saveError,
    suggestions,
    errors,
    flushDraft: () => saver.flush(),

    setAnswer(key: string, text: string) {
      update({ answers: { ...draft.value.answers, [key]: text } });
    },
    /** Switching keeps every answer: shared questions stay filled, others wait in the draft. */
    setTemplate(template: TemplateId) {
      update(withPrompt({ ...draft.value, template }, now()));
    },
    setTags(tags: string[], tagText: string) {
      update({ tags, tagText });
    },
    setSting(sting: Sting | null) {
      update({ sting });
    },
    async setAttachPage(attachPage: boolean) {
      update({ attachPage });
      if (attachPage && !draft.value.context) {
        const context = await currentPageContext().catch(() => null);
        if (context) update({ context });
      }
    },

    /** Validate and commit; on any failure the draft stays and a message says why. */
    async save(): Promise<boolean> {
      attempted.value = true;
      if (status.value === 'saving' || errors.value) return false;
      status.value = 'saving';
      const reflection = createReflection(draftToInput(draft.value), crypto.randomUUID(), now());
      try {
        await saveReflection(reflection);
      } catch (error) {
        status.value = 'editing';
        saveError.value = describeDbError(error);
        await saver.flush();
        return false;
      }
      // Only a committed reflection clears the draft.
      saver.cancel();
      await clearDraft();
      status.value = 'saved';
      return true;
    },

    /** After a save: a fresh, empty form. */
    startOver(template: TemplateId) {
      draft.value = withPrompt(emptyDraft(template, now(), draft.value.attachPage), now());
      attempted.value = false;
      status.value = 'editing';
    },
  };
}

export type PopupState = ReturnType<typeof createPopupState>;

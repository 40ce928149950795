/**
 * The popup's draft: its shape, the parse every read goes through and the debounced saver.
 * Popups die on blur, so the draft is written on every keystroke (debounced) to extension
 * storage, restored on the next open, and cleared only after the reflection is committed.
 * Pure: reading and writing the stored draft is utils/capture/draft-store.ts.
 */
import { isRecord, ownRecord } from '../core/parse';
import {
  isSting,
  isTrigger,
  normalizeTags,
  type ReflectionContext,
  type Sting,
  type Trigger,
} from '../reflections/reflection';
import { isTemplateId, type TemplateId } from '../reflections/templates';

export interface Draft {
  template: TemplateId;
  /** The "One question" prompt shown, kept so reopening asks the same thing. */
  prompt?: string;
  answers: Record<string, string>;
  tags: string[];
  /** Tag text typed but not yet turned into a tag; saved too, so it is never lost. */
  tagText: string;
  sting: Sting | null;
  attachPage: boolean;
  context: ReflectionContext | null;
  trigger: Trigger;
  updatedAt: number;
  /**
   * Several pages write the draft (two prompts, the background staging a nudge): each write
   * counts up, so a page knows a newer draft from another writer and merges it
   * (utils/capture/draft-merge.ts) instead of overwriting it.
   */
  rev: number;
  /** Which page wrote this revision ('' before anyone did). */
  writer: string;
}

/** A fresh draft for a template. */
export function emptyDraft(template: TemplateId, now: number, attachPage = false): Draft {
  return {
    template,
    answers: {},
    tags: [],
    tagText: '',
    sting: null,
    attachPage,
    context: null,
    trigger: 'manual',
    updatedAt: now,
    rev: 0,
    writer: '',
  };
}

/** Whether a draft holds anything the user typed or chose. */
export function isDraftEmpty(draft: Draft): boolean {
  return (
    Object.values(draft.answers).every((text) => text.trim() === '') &&
    draft.tags.length === 0 &&
    draft.tagText.trim() === '' &&
    draft.sting === null
  );
}

function text(value: unknown, max = 100_000): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** A stored page context made safe; null when it holds nothing. */
export function parseContext(raw: unknown): ReflectionContext | null {
  if (!isRecord(raw)) return null;
  const input = ownRecord(raw);
  const context: ReflectionContext = {};
  if (typeof input.title === 'string') context.title = input.title;
  if (typeof input.url === 'string') context.url = input.url;
  if (typeof input.selection === 'string') context.selection = input.selection;
  return Object.keys(context).length > 0 ? context : null;
}

/**
 * A stored draft made safe to use; null when there is none worth restoring (nothing stored,
 * or the mark a saved draft leaves: its revision, so counting goes on).
 */
export function parseDraft(raw: unknown): Draft | null {
  if (!isRecord(raw)) return null;
  const input = ownRecord(raw);
  if (input.cleared) return null;
  const answers: Record<string, string> = {};
  // Field by field into a fresh object: stored data never decides our prototype.
  for (const [key, value] of Object.entries(ownRecord(input.answers))) {
    if (typeof value === 'string' && key !== '__proto__') answers[key] = value;
  }
  return {
    template: isTemplateId(input.template) ? input.template : 'quick',
    ...(typeof input.prompt === 'string' ? { prompt: input.prompt } : {}),
    answers,
    tags: Array.isArray(input.tags)
      ? normalizeTags(input.tags.filter((t): t is string => typeof t === 'string'))
      : [],
    tagText: text(input.tagText, 1000),
    sting: isSting(input.sting) ? input.sting : null,
    attachPage: input.attachPage === true,
    context: parseContext(input.context),
    trigger: isTrigger(input.trigger) ? input.trigger : 'manual',
    updatedAt: typeof input.updatedAt === 'number' ? input.updatedAt : 0,
    rev: typeof input.rev === 'number' ? input.rev : 0,
    writer: text(input.writer, 100),
  };
}

export interface DraftSaver {
  /** Save this draft soon; a newer call replaces an older pending one. */
  schedule(draft: Draft): void;
  /**
   * Save the pending draft now (before leaving). `hiding`: the page is going away and gets no
   * next turn, so a write still under way (it may never finish) is issued again as well.
   */
  flush(hiding?: boolean): Promise<void>;
  /** Forget the pending draft without saving it (after a commit). */
  cancel(): void;
}

/** A debounced writer: at most one write per `delayMs` while typing, never a lost last word. */
export function createDraftSaver(
  write: (draft: Draft, hiding: boolean) => Promise<void>,
  delayMs = 150,
): DraftSaver {
  let pending: Draft | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The newest draft handed to a write that has not finished yet.
  let unfinished: Draft | null = null;
  const run = async (draft: Draft, hiding: boolean) => {
    unfinished = draft;
    try {
      await write(draft, hiding);
    } finally {
      if (unfinished === draft) unfinished = null;
    }
  };
  const flush = async (hiding = false) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const draft = pending ?? (hiding ? unfinished : null);
    pending = null;
    if (draft) await run(draft, hiding);
  };
  return {
    schedule(draft) {
      pending = draft;
      if (timer === null) timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

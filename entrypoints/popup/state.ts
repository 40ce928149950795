/**
 * The popup's state and actions. One immutable snapshot plus subscribers instead of signals:
 * the popup has a 15 KB budget and this is all the reactivity it needs. Every change to the
 * draft is written to the draft store, so nothing typed is lost.
 *
 * The database and the self-blame detector are not needed to type: they load right after
 * the first paint (`preload`), off the path to "ready to type".
 */
import { createDraftSaver, type Draft, emptyDraft } from '../../utils/capture/draft';
import { saveDraft } from '../../utils/capture/draft-store';
import type { BlameHint } from '../../utils/capture/self-blame';
import { DAY_MS } from '../../utils/core/time-units';
import {
  createReflection,
  normalizeTags,
  parseTagText,
  type ReflectionInput,
  type Sting,
  type ValidationErrors,
  validateReflection,
} from '../../utils/reflections/reflection';
import {
  oneQuestion,
  ownTemplates,
  questionsFor,
  type TemplateId,
} from '../../utils/reflections/templates';
import type { DraftSync } from './draft-sync';

export type Status = 'editing' | 'saving' | 'saved' | 'checked-in';

export interface PopupSnapshot {
  draft: Draft;
  status: Status;
  /** Set by the first save attempt: only then is "write a few words" worth saying. */
  attempted: boolean;
  saveError: string | null;
  suggestions: string[];
  errors: ValidationErrors | null;
  /** Self-blame hints per answer key (empty when hints are off or dismissed). */
  hints: Record<string, BlameHint>;
  /** Answer keys whose hint the user dismissed while this popup is open. */
  dismissed: string[];
  /** In the prompt window the background opens: no page can be attached from there. */
  noPage?: boolean;
  /** Sealed drafts from before a restart or a lock, waiting for an unlock to be merged in. */
  waitingDrafts?: number;
}

/**
 * The reflection the draft would become: pending tag text counts as tags, and only the answers
 * of the template's own questions count. Answers kept from another template wait in the draft
 * (switching back shows them) but are neither saved nor checked: nobody sees them.
 */
export function draftToInput(draft: Draft): ReflectionInput {
  const answers: Record<string, string> = {};
  for (const { key } of questionsFor(draft.template, draft.prompt)) {
    const text = draft.answers[key];
    if (text !== undefined) answers[key] = text;
  }
  return {
    template: draft.template,
    ...(draft.prompt ? { prompt: draft.prompt } : {}),
    // An own template's words go with the reflection (a snapshot: see `Reflection.wording`).
    wording: ownTemplates[draft.template],
    answers,
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

export interface PopupOptions {
  now?: () => number;
  /** Show gentle hints on self-blame language (a setting). */
  selfBlameHints?: boolean;
  /**
   * How a "next time" commitment is followed up: the setting as stored (`{}` for the
   * defaults), parsed when a save plans follow-ups; none when absent.
   */
  followUps?: unknown;
}

// What a save needs, kept once loaded so a save does not wait for a chunk (`warmUpSave`).
let dbModule: typeof import('../../utils/reflections/db-store') | null = null;
let followUpPlan: typeof import('../../utils/follow-through/follow-up-plan') | null = null;
const loadDb = () =>
  import('../../utils/reflections/db-store').then((module) => (dbModule = module));
const loadFollowUpPlan = () =>
  import('../../utils/follow-through/follow-up-plan').then((module) => (followUpPlan = module));

/**
 * Load the database and follow-up code and open the connection while the popup waits on its
 * start-up storage reads: otherwise that work lands right after the form shows, where it
 * doubled the time of a save made at once (bench/metrics/save.ts).
 */
export function warmUpSave(): void {
  loadDb()
    .then((db) => db.openEarly())
    .catch(() => {}); // the first save reports a database that cannot open
  loadFollowUpPlan().catch(() => {});
}
// Needed only after the user acts (a save, a check-in): off the start-up path.
const loadNudgeAnswer = () => import('../../utils/nudges/nudge-answer-store');
const loadCheckin = () => import('../../utils/capture/checkin-store');
const loadSelfBlame = () => import('../../utils/capture/self-blame');
const loadPage = () => import('./page');

export function createPopupState(initial: Draft, options: PopupOptions = {}) {
  const now = options.now ?? Date.now;
  let findSelfBlame: Awaited<ReturnType<typeof loadSelfBlame>>['findSelfBlame'] | null = null;

  function hintsFor(draft: Draft, dismissed: readonly string[]): Record<string, BlameHint> {
    const hints: Record<string, BlameHint> = {};
    if (!options.selfBlameHints || !findSelfBlame) return hints;
    for (const [key, text] of Object.entries(draft.answers)) {
      const hint = dismissed.includes(key) ? null : findSelfBlame(text, key);
      if (hint) hints[key] = hint;
    }
    return hints;
  }

  const listeners = new Set<() => void>();
  // Writes go through the draft's sync (loaded after the first paint): a revision under the
  // lock, merged with what other prompts or the background wrote. Always the newest draft.
  let sync: Promise<DraftSync> | null = null;
  let synced: DraftSync | null = null;
  const draftSync = () =>
    (sync ??= import('./draft-sync').then((m) => (synced = m.createDraftSync(api, initial))));
  // `atOnce`: the page is hiding, and the write must be issued before it is gone.
  const saver = createDraftSaver((_, atOnce) => {
    if (synced) return synced.write(snapshot.draft, atOnce);
    // Closing before the sync loaded: stored as it is (an open prompt merges it all the same).
    if (atOnce) return saveDraft({ ...snapshot.draft, rev: snapshot.draft.rev + 1 });
    return draftSync().then((s) => s.write(snapshot.draft));
  });
  const draft = withPrompt(initial, now());
  let snapshot: PopupSnapshot = {
    draft,
    status: 'editing',
    attempted: false,
    saveError: null,
    suggestions: [],
    errors: validateReflection(draftToInput(draft)),
    hints: hintsFor(draft, []),
    dismissed: [],
  };

  function set(patch: Partial<PopupSnapshot>): void {
    snapshot = { ...snapshot, ...patch };
    if (patch.draft) snapshot.errors = validateReflection(draftToInput(patch.draft));
    if (patch.draft || patch.dismissed)
      snapshot.hints = hintsFor(snapshot.draft, snapshot.dismissed);
    for (const listener of listeners) listener();
  }

  function update(patch: Partial<Draft>): void {
    const next = { ...snapshot.draft, ...patch, updatedAt: now() };
    set({ draft: next, saveError: null });
    saver.schedule(next);
  }

  function setAnswer(key: string, text: string): void {
    update({ answers: { ...snapshot.draft.answers, [key]: text } });
  }

  const api = {
    get: () => snapshot,
    /** Call `listener` after every change; returns the unsubscribe function. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Write the pending draft now; `hidden`: the page is going away, write it at once. */
    flushDraft(hidden = false) {
      return saver.flush(hidden);
    },

    /**
     * After the first paint: start syncing the draft, attach the page when the draft asks for
     * it (the "by default" setting) or say it cannot be, open the database (tag suggestions)
     * and load the hint detector.
     */
    async preload(): Promise<void> {
      void loadPage().then((m) => m.checkPage(api));
      const [db] = await Promise.all([
        loadDb(),
        draftSync(),
        options.selfBlameHints &&
          loadSelfBlame().then((module) => {
            findSelfBlame = module.findSelfBlame;
            set({ dismissed: snapshot.dismissed }); // recompute hints for text typed meanwhile
          }),
      ]);
      set({ suggestions: await db.listTags() });
    },

    setAnswer,
    /**
     * Text typed into popup.html's static first field before the app mounted: it answers the
     * first question, after anything the restored draft already held there (nothing is lost).
     */
    adoptTyped(text: string) {
      const { draft } = snapshot;
      const [first] = questionsFor(draft.template, draft.prompt);
      if (!first || !text) return;
      const kept = draft.answers[first.key];
      setAnswer(first.key, kept ? `${kept}\n${text}` : text);
    },
    /** Switching keeps every answer: shared questions stay filled, others wait in the draft. */
    setTemplate(template: TemplateId) {
      update(withPrompt({ ...snapshot.draft, template }, now()));
    },
    setTags(tags: string[], tagText: string) {
      update({ tags, tagText });
    },
    /** Hide the self-blame hint of one answer for the rest of this popup. */
    dismissHint(key: string) {
      set({ dismissed: [...snapshot.dismissed, key] });
    },
    setSting(sting: Sting | null) {
      update({ sting });
    },
    async setAttachPage(attachPage: boolean) {
      update({ attachPage });
      if (attachPage) await (await loadPage()).attachPage(api);
    },
    /** Change the draft (written soon), as typing does. */
    update,
    /** Change what the popup shows; the draft is not written. */
    set,

    /**
     * Validate and commit; on any failure the draft stays and a message says why. Nothing is
     * rendered before the write is issued: the put runs while the page is idle, and the next
     * screen shows once it committed (bench/metrics/save.ts times exactly that).
     */
    async save(): Promise<boolean> {
      // Set quietly: with no errors there is nothing new to show, and a double Ctrl+Enter
      // stops at the status check.
      snapshot = { ...snapshot, attempted: true };
      if (snapshot.errors) set({});
      if (snapshot.status === 'saving' || snapshot.errors) return false;
      snapshot = { ...snapshot, status: 'saving' };
      const at = now();
      const { draft } = snapshot;
      const reflection = createReflection(draftToInput(draft), crypto.randomUUID(), at);
      if (options.followUps !== undefined) {
        const plan = followUpPlan ?? (await loadFollowUpPlan());
        const settings = plan.parseFollowUpSettings(options.followUps);
        reflection.followUps = plan.planFollowUps(reflection.answers, at, settings);
      }
      const db = dbModule ?? (await loadDb());
      try {
        await db.saveReflection(reflection);
        // Committed: `npm run bench` times Ctrl+Enter to this mark (bench/metrics/save.ts).
        performance.mark('fail-well:saved');
      } catch (error) {
        // The draft is written before the message says it is kept.
        await saver.flush().catch(() => {});
        set({ status: 'editing', saveError: db.describeDbError(error) });
        return false;
      }
      // Only a committed reflection clears the draft (not text another prompt added since).
      saver.cancel();
      await (await draftSync()).committed(draft);
      void loadNudgeAnswer().then((m) => m.markNudgeAnswered(now())); // back-off starts over
      set({ status: 'saved' });
      return true;
    },

    /** "Nothing to reflect on today": count the day without an entry; the draft stays. */
    async checkIn() {
      await saver.flush();
      await (await loadCheckin()).checkIn(now());
      // A calm day is an answer too: back-off starts over.
      void loadNudgeAnswer().then((m) => m.markNudgeAnswered(now()));
      set({ status: 'checked-in' });
    },

    /** After a save: a fresh, empty form. */
    startOver(template: TemplateId) {
      const fresh = withPrompt(emptyDraft(template, now(), snapshot.draft.attachPage), now());
      set({ draft: fresh, attempted: false, status: 'editing' });
    },
  };
  return api;
}

export type PopupState = ReturnType<typeof createPopupState>;

/**
 * Keeping one popup's draft in step with every other writer of it: another prompt open at the
 * same time, the background staging a nudge. Each write is a new revision under the draft's
 * lock; a newer revision from someone else is merged into what this page shows (nothing
 * typed on either side is lost) without moving the caret of the field being typed in.
 * Loaded after the first paint (state.ts), off the popup's start-up path.
 */
import { browser } from 'wxt/browser';
import { type Draft, emptyDraft, isDraftEmpty, parseDraft } from '../../utils/capture/draft';
import { caretAfter, mergeDrafts, sameContent } from '../../utils/capture/draft-merge';
import { DRAFT_KEY } from '../../utils/capture/draft-store';
import { changeDraft, revOf, writerOf } from '../../utils/capture/draft-write-store';
import {
  countWaitingDrafts,
  fromStoredDraft,
  LOCKED_DRAFT,
  storeDraftNow,
  takeWaitingDrafts,
} from '../../utils/lock/draft-codec-store';
import type { PopupState } from './state';

/** The draft as a saved or removed one leaves it: nothing typed, the same form. */
function cleared(like: Draft, rev: number): Draft {
  return { ...emptyDraft(like.template, like.updatedAt, like.attachPage), rev };
}

/**
 * Start syncing `state`, whose draft was restored as `initial`: listens to storage from now
 * on, and returns how this page writes its draft and how it clears it after a save.
 */
export function createDraftSync(state: PopupState, initial: Draft) {
  const me = crypto.randomUUID();
  // A popup opened as a tab or a window (the prompt window) is in the browser's session
  // restore, which writes form fields to disk: with autocomplete off it keeps none of them.
  // Set here, after the first paint, so the start-up bundle stays in its budget.
  document.querySelector('form.popup')?.setAttribute('autocomplete', 'off');
  // The newest stored draft this page has seen and taken in: the base of every merge.
  let base = initial;

  /**
   * Whether a stored draft is another writer's that this page has not taken in: newer than
   * `base`, or as new but by someone else (written beside ours, see `write`).
   */
  function isNews(raw: unknown): boolean {
    // Removed (everything was deleted): news once anything was stored.
    if (raw === undefined) return base.rev > 0;
    const writer = writerOf(raw);
    const rev = revOf(raw);
    return writer !== me && (rev > base.rev || (rev === base.rev && writer !== base.writer));
  }

  /**
   * What `theirs` and this page both started from: `base` when theirs is newer; for one
   * written beside ours (same revision) there is none known, and the merge keeps all text.
   */
  const baseFor = (raw: unknown) => (raw === undefined || revOf(raw) > base.rev ? base : null);

  /** Show a draft merged from elsewhere, keeping the caret where the user was typing. */
  function show(next: Draft, write: boolean): void {
    const field = document.activeElement;
    const typing =
      field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field : null;
    const before = typing?.value ?? '';
    const start = typing?.selectionStart ?? 0;
    const end = typing?.selectionEnd ?? 0;
    if (write) state.update(next);
    else state.set({ draft: next });
    if (typing && typing.value !== before) {
      typing.setSelectionRange(
        caretAfter(before, typing.value, start),
        caretAfter(before, typing.value, end),
      );
    }
  }

  // Opening a sealed draft is asynchronous: changes are taken in one after another, in order.
  let taking = Promise.resolve();
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[DRAFT_KEY];
    if (area !== 'local' || !change) return;
    const stored = change.newValue;
    taking = taking.then(async () => take(stored, await fromStoredDraft(stored)));
  });

  function take(stored: unknown, raw: unknown): void {
    // A page that saved (or is saving) is done with its draft; one nobody here can open is
    // parked by the next write (draft-write-store.ts).
    if (state.get().status !== 'editing' || raw === LOCKED_DRAFT) return;
    if (stored === undefined) raw = undefined;
    if (!isNews(raw)) return;
    const mine = state.get().draft;
    const theirs = parseDraft(raw) ?? cleared(mine, Math.max(revOf(raw), base.rev));
    const merged = mergeDrafts(mine, theirs, baseFor(raw));
    base = { ...theirs, writer: writerOf(raw) };
    // Written back only when this page holds something the stored draft lacks (after a
    // removal, only something typed).
    const more = !sameContent(merged, theirs) && (raw !== undefined || !isDraftEmpty(merged));
    show(merged, more);
  }

  /**
   * Merge in the drafts that waited for an unlock (sealed before a restart or a lock), once
   * this context can open them; say how many still wait.
   */
  async function resumeWaiting(): Promise<void> {
    const opened = await takeWaitingDrafts();
    let draft = state.get().draft;
    for (const raw of opened) {
      const theirs = parseDraft(raw);
      if (theirs) draft = mergeDrafts(draft, theirs, null);
    }
    if (opened.length) state.update(draft);
    state.set({ waitingDrafts: await countWaitingDrafts() });
  }
  // Reading the stored draft under its lock sets aside one this page cannot open (sealed
  // before a restart), before anything typed here replaces it; then merge what can be opened.
  // A sealed draft reached the first paint empty (draft-store.ts): merged in here, once opened.
  // A revision newer than the one this page started from (a nudge staged while this module
  // loaded, before its listener was there) merges against that start, like any news: a field
  // only the other writer changed, such as "attach" and its page, is taken whole.
  void changeDraft(me, (stored, raw) => {
    const shown = state.get().draft;
    if (stored && state.get().status === 'editing' && !sameContent(shown, stored)) {
      const newer = revOf(raw) > base.rev;
      show(mergeDrafts(shown, stored, newer ? base : null), false);
      if (newer) base = { ...stored, writer: writerOf(raw) };
    }
    return stored;
  })
    .then(resumeWaiting)
    .catch(() => {});

  const sync = {
    resumeWaiting,
    /**
     * Store this page's draft as the next revision, merged with any newer one first (`atOnce`:
     * as the page hides, see below).
     */
    async write(draft: Draft, atOnce = false): Promise<void> {
      // A page being hidden gets no next turn (popups die on blur, a closed tab at once): the
      // write is issued now, without waiting for the lock and a read. Another open prompt sees
      // it as news and merges it with what it holds.
      if (atOnce) {
        base = { ...draft, rev: base.rev + 1, writer: me };
        await storeDraftNow(DRAFT_KEY, base);
        return;
      }
      let merged = false;
      const written = await changeDraft(
        me,
        (stored, raw) => {
          if (!isNews(raw)) return draft;
          merged = true;
          return mergeDrafts(draft, stored ?? cleared(draft, revOf(raw)), baseFor(raw));
        },
        base.rev,
      );
      if (!written) return;
      base = written;
      // Typing may have gone on while the write waited: merge onto what is shown now.
      if (merged && state.get().status === 'editing') {
        show(mergeDrafts(state.get().draft, written, draft), false);
      }
    },

    /**
     * After `saved` was committed as a reflection: clear the stored draft, unless another
     * writer has since stored text this reflection does not hold (then it stays, for that
     * prompt: nothing typed is lost, at the cost of repeating some saved words).
     */
    async committed(saved: Draft): Promise<void> {
      const written = await changeDraft(
        me,
        (stored, raw) => (stored && isNews(raw) && holdsMore(stored, saved) ? stored : null),
        base.rev,
      );
      if (written) base = written;
    },
  };
  current = sync;
  return sync;
}

let current: { resumeWaiting(): Promise<void> } | null = null;

/** After an unlock in this popup (FormExtras.tsx): merge in the drafts that waited for it. */
export function resumeWaitingDrafts(): Promise<void> {
  return current?.resumeWaiting() ?? Promise.resolve();
}

/** Whether `stored` has typed text that `saved` does not contain. */
function holdsMore(stored: Draft, saved: Draft): boolean {
  const texts: Array<[string, string]> = [
    ...Object.entries(stored.answers).map(([key, text]): [string, string] => [
      text,
      saved.answers[key] ?? '',
    ]),
    [stored.tagText, saved.tagText],
  ];
  return texts.some(([text, kept]) => text.trim() !== '' && !kept.includes(text));
}

export type DraftSync = ReturnType<typeof createDraftSync>;

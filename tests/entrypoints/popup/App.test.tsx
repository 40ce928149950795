// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFormExtras, mountPopup } from '../../../entrypoints/popup/App';
import {
  createPopupState,
  type PopupOptions,
  type PopupState,
} from '../../../entrypoints/popup/state';
import { loadCheckins } from '../../../utils/capture/checkin-store';
import { emptyDraft } from '../../../utils/capture/draft';
import { loadDraft } from '../../../utils/capture/draft-store';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '../../../utils/follow-through/follow-up-plan';
import { listReflections } from '../../../utils/reflections/db-store';

const NOW = 1_750_000_000_000;
const DAY = 86_400_000;
let root: HTMLElement | null = null;
let mounted: PopupState | null = null;
function cleanup() {
  if (root) preactRender(null, root);
  root?.remove();
  root = null;
}
// A draft write still pending would land in the next test's storage, where its popup merges it.
afterEach(async () => {
  cleanup();
  await mounted?.flushDraft();
  mounted = null;
});

/** Mount the popup the way main.tsx does, including what it loads after the first paint. */
async function renderPopup(draft = emptyDraft('quick', 0), options: PopupOptions = {}) {
  const state = createPopupState(draft, { now: () => NOW, ...options });
  root = document.body.appendChild(document.createElement('main'));
  await loadFormExtras(); // main.tsx waits for the tag and sting inputs beside its reads
  mountPopup(root, state, 'quick');
  await state.preload();
  mounted = state;
  return state;
}

const type = (label: string, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });

describe('popup form', () => {
  it('opens ready to type in the Quick template', async () => {
    await renderPopup();
    expect(screen.getByRole('textbox', { name: 'What happened?' })).toBe(document.activeElement);
    expect(screen.getByRole('textbox', { name: 'What did I learn?' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'What will I do next time?' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Template' })).toHaveProperty('value', 'quick');
  });

  it('saves with Ctrl+Enter, clears the draft and says so kindly', async () => {
    await renderPopup();
    type('What happened?', 'Shipped a typo to prod');
    type('What did I learn?', 'Read the diff once more');
    type('Tags', 'deploys, Friday');
    fireEvent.click(screen.getByRole('radio', { name: '3 — some' }));
    fireEvent.keyDown(screen.getByLabelText('What did I learn?'), { key: 'Enter', ctrlKey: true });

    await screen.findByRole('heading', { name: 'Saved. Lesson kept.' });
    const [saved] = (await listReflections()).items;
    expect(saved).toMatchObject({
      answers: { happened: 'Shipped a typo to prod', learned: 'Read the diff once more' },
      tags: ['deploys', 'friday'],
      sting: 3,
      trigger: 'manual',
    });
    expect(await loadDraft()).toBeNull();
    expect(screen.getByRole('button', { name: 'Open my lessons' })).toBeTruthy();
  });

  it('asks for words when everything is empty, and saves nothing', async () => {
    await renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Write a few words in any answer to save.',
    );
    expect((await listReflections()).items).toEqual([]);
  });

  it('shows a counter near the limit and keeps text past it, refusing to save', async () => {
    await renderPopup();
    type('What did I learn?', 'a'.repeat(4600));
    expect(screen.getByText('4,600 / 5,000')).toBeTruthy();
    type('What did I learn?', 'a'.repeat(5003));
    expect(screen.getByRole('alert').textContent).toMatch(/3 characters over the 5,000 limit/);
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await listReflections()).items).toEqual([]);
    expect(screen.getByLabelText<HTMLTextAreaElement>('What did I learn?').value).toHaveLength(
      5003,
    );
  });

  it('writes every keystroke to the draft store and restores it', async () => {
    const state = await renderPopup();
    type('What happened?', 'Half a thought');
    await state.flushDraft();
    expect((await loadDraft())?.answers).toEqual({ happened: 'Half a thought' });

    cleanup();
    const restored = await loadDraft();
    await renderPopup(restored ?? undefined);
    expect(screen.getByLabelText<HTMLTextAreaElement>('What happened?').value).toBe(
      'Half a thought',
    );
  });

  it.each([
    ['quick', {}, 'happened', 'typed early'],
    ['quick', { happened: 'Restored words' }, 'happened', 'Restored words\ntyped early'],
    ['aar', {}, 'expected', 'typed early'],
  ] as const)(
    'text typed before the app mounted (%s, restored %o) answers the first question and is saved',
    async (template, answers, key, expected) => {
      const state = createPopupState(
        { ...emptyDraft(template, 0), answers: { ...answers } },
        { now: () => NOW },
      );
      state.adoptTyped('typed early');
      await state.flushDraft();
      expect((await loadDraft())?.answers[key]).toBe(expected);
      expect(state.get().draft.answers[key]).toBe(expected);
    },
  );

  it('keeps answers when switching templates', async () => {
    await renderPopup();
    type('What happened?', 'Missed the deadline');
    fireEvent.change(screen.getByRole('combobox', { name: 'Template' }), {
      target: { value: 'aar' },
    });
    expect(screen.getByLabelText<HTMLTextAreaElement>('What actually happened?').value).toBe(
      'Missed the deadline',
    );
    expect(screen.getByRole('textbox', { name: 'What was supposed to happen?' })).toBeTruthy();
  });

  it("saves only the chosen template's answers; hidden ones wait in the draft, unchecked", async () => {
    const state = await renderPopup();
    type('What happened?', 'x'.repeat(5003)); // over the limit, then hidden
    fireEvent.change(screen.getByRole('combobox', { name: 'Template' }), {
      target: { value: 'aar' },
    });
    type('What was supposed to happen?', 'A calm deploy');
    fireEvent.change(screen.getByRole('combobox', { name: 'Template' }), {
      target: { value: 'ssc' },
    });
    // Start / Stop / Continue asks neither: those answers neither block nor get saved.
    type('Stop?', 'Deploying without a way back');
    await state.flushDraft();
    expect((await loadDraft())?.answers).toEqual({
      happened: 'x'.repeat(5003),
      expected: 'A calm deploy',
      learned: 'Deploying without a way back',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    await screen.findByRole('heading', { name: 'Saved. Lesson kept.' });
    const [saved] = (await listReflections()).items;
    expect(saved?.template).toBe('ssc');
    expect(saved?.answers).toEqual({ learned: 'Deploying without a way back' });
  });

  it('switching back to a template shows its hidden answers again', async () => {
    await renderPopup();
    type('What happened?', 'Skipped the rollback plan');
    fireEvent.change(screen.getByRole('combobox', { name: 'Template' }), {
      target: { value: 'ssc' },
    });
    expect(screen.queryByLabelText('What happened?')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Template' }), {
      target: { value: 'quick' },
    });
    expect(screen.getByLabelText<HTMLTextAreaElement>('What happened?').value).toBe(
      'Skipped the rollback plan',
    );
  });

  it('adds tags with Enter and removes them by name', async () => {
    await renderPopup();
    type('Tags', 'Code Review');
    fireEvent.keyDown(screen.getByLabelText('Tags'), { key: 'Enter' });
    expect(screen.getByText('code-review')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag code-review' }));
    await waitFor(() => expect(screen.queryByText('code-review')).toBeNull());
  });

  it('gently suggests kinder wording for self-blame, and the hint can be dismissed', async () => {
    await renderPopup(undefined, { selfBlameHints: true });
    type('What happened?', "I'm so stupid, I deleted the branch");
    const hint = screen.getByRole('status');
    expect(hint.textContent).toMatch(/describing what happened instead of judging/);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss suggestion' }));
    expect(screen.queryByRole('status')).toBeNull();
    type('What happened?', "I'm so stupid, I deleted the branch again");
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows no hints when the setting is off', async () => {
    await renderPopup(undefined, { selfBlameHints: false });
    type('What happened?', "I'm so stupid");
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('plans follow-ups for a "next time" commitment', async () => {
    await renderPopup(undefined, { followUps: DEFAULT_FOLLOW_UP_SETTINGS });
    type('What will I do next time?', 'Ask for a second reviewer');
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    await screen.findByRole('heading', { name: 'Saved. Lesson kept.' });
    const [saved] = (await listReflections()).items;
    expect(saved?.followUps.map((f) => (f.dueAt - NOW) / DAY)).toEqual([1, 7, 30]);
  });

  it('checks in a calm day with one tap, keeping the draft', async () => {
    const state = await renderPopup();
    type('What happened?', 'Maybe later');
    fireEvent.click(screen.getByRole('button', { name: 'Nothing to reflect on today' }));
    await screen.findByRole('heading', { name: 'Noted. A calm day counts too.' });
    expect(await loadCheckins()).toHaveLength(1);
    await state.flushDraft();
    expect((await loadDraft())?.answers.happened).toBe('Maybe later');
    expect((await listReflections()).items).toEqual([]);
  });
});

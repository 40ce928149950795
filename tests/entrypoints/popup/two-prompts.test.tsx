// @vitest-environment happy-dom
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadFormExtras, mountPopup } from '../../../entrypoints/popup/App';
import { createPopupState, type PopupState } from '../../../entrypoints/popup/state';
import { type Draft, emptyDraft } from '../../../utils/capture/draft';
import { loadDraft } from '../../../utils/capture/draft-store';
import { stagePrompt } from '../../../utils/nudges/worker/nudge-delivery';
import { listReflections } from '../../../utils/reflections/db-store';

const NOW = 1_750_000_000_000;
const open: Array<{ root: HTMLElement; state: PopupState }> = [];
const { query } = fakeBrowser.tabs;
const { getCurrent } = fakeBrowser.tabs;
const { get } = fakeBrowser.windows;

afterEach(async () => {
  Object.assign(fakeBrowser.tabs, { query, getCurrent });
  Object.assign(fakeBrowser.windows, { get });
  for (const { root, state } of open.splice(0)) {
    preactRender(null, root);
    root.remove();
    await state.flushDraft();
  }
});

/** One prompt, mounted as main.tsx does (with what it loads after the first paint). */
async function openPrompt(draft: Draft = emptyDraft('quick', 0)) {
  const state = createPopupState(draft, { now: () => NOW });
  const root = document.body.appendChild(document.createElement('main'));
  await loadFormExtras();
  mountPopup(root, state, 'quick');
  await state.preload();
  open.push({ root, state });
  const field = (label: string) => within(root).getByLabelText<HTMLTextAreaElement>(label);
  return {
    state,
    root,
    field,
    type: (label: string, text: string) =>
      fireEvent.input(field(label), { target: { value: text } }),
  };
}

describe('two prompts open at once', () => {
  it('typing in turn, and both at once in one answer: every word ends up in both and saved', async () => {
    const a = await openPrompt();
    const b = await openPrompt();

    a.type('What happened?', 'Missed the stand-up');
    await a.state.flushDraft();
    expect(b.field('What happened?').value).toBe('Missed the stand-up');

    b.type('What did I learn?', 'Set an alarm');
    await b.state.flushDraft();
    expect(a.field('What did I learn?').value).toBe('Set an alarm');

    // Both type in the same answer before either write lands.
    a.type('What will I do next time?', 'Ask for notes');
    b.type('What will I do next time?', 'Block the calendar');
    await a.state.flushDraft();
    await b.state.flushDraft();
    await a.state.flushDraft();

    const stored = await loadDraft();
    expect(stored?.answers).toEqual({
      happened: 'Missed the stand-up',
      learned: 'Set an alarm',
      nextTime: 'Ask for notes\nBlock the calendar',
    });
    for (const prompt of [a, b]) {
      expect(prompt.field('What will I do next time?').value).toBe(stored?.answers.nextTime);
      expect(prompt.field('What did I learn?').value).toBe('Set an alarm');
    }

    fireEvent.click(within(a.root).getByRole('button', { name: 'Save reflection' }));
    await within(a.root).findByRole('heading', { name: 'Saved. Lesson kept.' });
    const [saved] = (await listReflections()).items;
    expect(saved?.answers).toEqual(stored?.answers);
    // All of it is in the saved reflection: the other prompt starts afresh, no copy is left.
    await waitFor(() => expect(b.field('What happened?').value).toBe(''));
    expect(await loadDraft()).toBeNull();
  });

  it('text typed in the other prompt after the save was read is kept in the draft', async () => {
    const a = await openPrompt();
    const b = await openPrompt();
    a.type('What happened?', 'Missed the stand-up');
    await a.state.flushDraft();
    // B's words land while A is saving, before A clears the draft.
    b.type('What did I learn?', 'Set an alarm');
    const saving = a.state.save();
    await b.state.flushDraft();
    await saving;
    expect((await listReflections()).items[0]?.answers).toEqual({
      happened: 'Missed the stand-up',
    });
    expect((await loadDraft())?.answers.learned).toBe('Set an alarm');
    expect(b.field('What did I learn?').value).toBe('Set an alarm');
  });

  it('a merge from the other prompt keeps the caret where the user is typing', async () => {
    const a = await openPrompt();
    const b = await openPrompt();
    a.type('What happened?', 'the stand-up');
    await a.state.flushDraft();
    const field = b.field('What happened?');
    field.focus();
    field.setSelectionRange(4, 4); // after "the "
    a.type('What happened?', 'I missed the stand-up');
    await a.state.flushDraft();
    expect(field.value).toBe('I missed the stand-up');
    expect([field.selectionStart, field.selectionEnd]).toEqual([13, 13]); // still after "the "
  });
});

describe('the background staging a nudge while a prompt is open', () => {
  it('never replaces typed text, and its trigger and page reach the saved reflection', async () => {
    const a = await openPrompt();
    a.type('What happened?', 'Talked over the demo');
    // The popup's write and the background's staging race for the one draft.
    await Promise.all([
      a.state.flushDraft(),
      stagePrompt(
        'context-menu',
        { title: 'Sprint review', url: 'https://meet.example.com/s' },
        NOW,
      ),
    ]);
    expect(await loadDraft()).toMatchObject({
      answers: { happened: 'Talked over the demo' },
      trigger: 'context-menu',
      context: { title: 'Sprint review' },
    });
    expect(
      within(a.root).getByRole('checkbox', { name: 'Attach this page: Sprint review' }),
    ).toHaveProperty('checked', true);

    a.type('What did I learn?', 'Let others finish');
    await a.state.flushDraft();
    fireEvent.click(within(a.root).getByRole('button', { name: 'Save reflection' }));
    await within(a.root).findByRole('heading', { name: 'Saved. Lesson kept.' });
    expect((await listReflections()).items[0]).toMatchObject({
      answers: { happened: 'Talked over the demo', learned: 'Let others finish' },
      trigger: 'context-menu',
      context: { title: 'Sprint review', url: 'https://meet.example.com/s' },
    });
  });
});

describe('attach the page', () => {
  it('"by default": the page is read after the first paint and saved with the reflection', async () => {
    fakeBrowser.tabs.query = (async () => [
      {
        id: 1,
        index: 0,
        active: true,
        title: 'Build #42 failed',
        url: 'https://ci.example.com/42',
      },
    ]) as unknown as typeof fakeBrowser.tabs.query;
    const a = await openPrompt(emptyDraft('quick', 0, true));
    await within(a.root).findByRole('checkbox', { name: 'Attach this page: Build #42 failed' });
    a.type('What happened?', 'Merged on red');
    fireEvent.click(within(a.root).getByRole('button', { name: 'Save reflection' }));
    await within(a.root).findByRole('heading', { name: 'Saved. Lesson kept.' });
    expect((await listReflections()).items[0]?.context).toEqual({
      title: 'Build #42 failed',
      url: 'https://ci.example.com/42',
    });
  });

  it('in the prompt window, says the page cannot be attached from there', async () => {
    fakeBrowser.tabs.getCurrent = (async () => ({
      id: 7,
      windowId: 3,
    })) as unknown as typeof fakeBrowser.tabs.getCurrent;
    fakeBrowser.windows.get = (async () => ({
      id: 3,
      type: 'popup',
    })) as unknown as typeof fakeBrowser.windows.get;
    const a = await openPrompt(emptyDraft('quick', 0, true));
    const note = await within(a.root).findByText('The page can’t be attached from this window');
    const box = within(a.root).getByRole('checkbox', { name: 'Attach this page' });
    expect(box.getAttribute('aria-describedby')).toBe(note.id);
  });
});

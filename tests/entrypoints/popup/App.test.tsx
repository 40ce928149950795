// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPopup } from '../../../entrypoints/popup/App';
import { createPopupState } from '../../../entrypoints/popup/state';
import { listReflections } from '../../../utils/db';
import { emptyDraft, loadDraft } from '../../../utils/draft';

let root: HTMLElement | null = null;
function cleanup() {
  if (root) preactRender(null, root);
  root?.remove();
  root = null;
}
afterEach(cleanup);

/** Mount the popup the way main.tsx does. */
function renderPopup(draft = emptyDraft('quick', 0)) {
  const state = createPopupState(draft, { now: () => 1_750_000_000_000 });
  root = document.body.appendChild(document.createElement('main'));
  mountPopup(root, state, 'quick');
  return state;
}

const type = (label: string, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });

describe('popup form', () => {
  it('opens ready to type in the Quick template', () => {
    renderPopup();
    expect(screen.getByRole('textbox', { name: 'What happened?' })).toBe(document.activeElement);
    expect(screen.getByRole('textbox', { name: 'What did I learn?' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'What will I do next time?' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Template' })).toHaveProperty('value', 'quick');
  });

  it('saves with Ctrl+Enter, clears the draft and says so kindly', async () => {
    renderPopup();
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
    renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Write a few words in any answer to save.',
    );
    expect((await listReflections()).items).toEqual([]);
  });

  it('shows a counter near the limit and keeps text past it, refusing to save', async () => {
    renderPopup();
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
    const state = renderPopup();
    type('What happened?', 'Half a thought');
    await state.flushDraft();
    expect((await loadDraft())?.answers).toEqual({ happened: 'Half a thought' });

    cleanup();
    const restored = await loadDraft();
    renderPopup(restored ?? undefined);
    expect(screen.getByLabelText<HTMLTextAreaElement>('What happened?').value).toBe(
      'Half a thought',
    );
  });

  it('keeps answers when switching templates', () => {
    renderPopup();
    type('What happened?', 'Missed the deadline');
    fireEvent.change(screen.getByRole('combobox', { name: 'Template' }), {
      target: { value: 'aar' },
    });
    expect(screen.getByLabelText<HTMLTextAreaElement>('What actually happened?').value).toBe(
      'Missed the deadline',
    );
    expect(screen.getByRole('textbox', { name: 'What was supposed to happen?' })).toBeTruthy();
  });

  it('adds tags with Enter and removes them by name', async () => {
    renderPopup();
    type('Tags', 'Code Review');
    fireEvent.keyDown(screen.getByLabelText('Tags'), { key: 'Enter' });
    expect(screen.getByText('code-review')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag code-review' }));
    await waitFor(() => expect(screen.queryByText('code-review')).toBeNull());
  });
});

// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPopup } from '../../../entrypoints/popup/App';
import { createPopupState } from '../../../entrypoints/popup/state';
import { emptyDraft } from '../../../utils/capture/draft';
import { loadDraft } from '../../../utils/capture/draft-store';
import { allReflections } from '../../../utils/reflections/db-store';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) preactRender(null, root);
  root?.remove();
  root = null;
  vi.restoreAllMocks();
});

/** Mount the popup the way main.tsx does, with one answer typed. */
function renderPopup() {
  const state = createPopupState(emptyDraft('quick', 0), { now: () => 1_750_000_000_000 });
  root = document.body.appendChild(document.createElement('main'));
  mountPopup(root, state, 'quick');
  fireEvent.input(screen.getByLabelText('What did I learn?'), {
    target: { value: 'Check the disk before a big import 🙈' },
  });
  return state;
}

const save = () =>
  fireEvent.keyDown(screen.getByLabelText('What did I learn?'), { key: 'Enter', ctrlKey: true });

describe('when saving fails, the draft stays', () => {
  it('a full disk (QuotaExceededError): clear message, nothing half-written, saves once space is back', async () => {
    renderPopup();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    save();
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /out of storage space .* Your draft is kept/,
    );
    expect(await allReflections()).toEqual([]);
    expect((await loadDraft())?.answers.learned).toBe('Check the disk before a big import 🙈');
    expect(screen.getByLabelText('What did I learn?')).toHaveProperty(
      'value',
      'Check the disk before a big import 🙈',
    );

    put.mockRestore();
    save();
    await screen.findByRole('heading', { name: 'Saved. Lesson kept.' });
    expect((await allReflections()).map((r) => r.answers.learned)).toEqual([
      'Check the disk before a big import 🙈',
    ]);
  });

  it('IndexedDB unavailable (Firefox "never remember history"): says why, keeps the draft', async () => {
    // Unavailable from the start: the popup never gets a connection at all.
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
    });
    renderPopup();
    save();
    expect((await screen.findByRole('alert')).textContent).toMatch(/never remember history/);
    expect((await loadDraft())?.answers.learned).toBe('Check the disk before a big import 🙈');
  });
});

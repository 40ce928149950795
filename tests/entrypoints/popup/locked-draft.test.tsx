// @vitest-environment happy-dom
/**
 * The popup's draft with the lock on: stored sealed, continued in the same browser session,
 * and after a lock (or a restart) set aside until an unlock merges it back — nothing typed is
 * lost in any of these.
 */
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadFormExtras, mountPopup } from '../../../entrypoints/popup/App';
import { createPopupState, type PopupState } from '../../../entrypoints/popup/state';
import { emptyDraft } from '../../../utils/capture/draft';
import { DRAFT_KEY, loadDraft } from '../../../utils/capture/draft-store';
import { WAITING_DRAFTS_KEY } from '../../../utils/lock/draft-codec-store';
import { createLock, lockNow } from '../../../utils/lock/lock-store';

const NOW = 1_750_000_000_000;
const PASSPHRASE = 'a long passphrase';
const open: Array<{ root: HTMLElement; state: PopupState }> = [];

afterEach(async () => {
  for (const { root, state } of open.splice(0)) {
    preactRender(null, root);
    root.remove();
    await state.flushDraft();
  }
});

/** A popup as main.tsx opens one: the stored draft as the first paint reads it, then the rest. */
async function openPopup() {
  const state = createPopupState((await loadDraft()) ?? emptyDraft('quick', 0), { now: () => NOW });
  const root = document.body.appendChild(document.createElement('main'));
  await loadFormExtras();
  mountPopup(root, state, 'quick');
  await state.preload();
  open.push({ root, state });
  const field = (label: string) => within(root).getByLabelText<HTMLTextAreaElement>(label);
  return { state, root, field };
}

async function closePopup() {
  const popup = open.pop();
  if (!popup) return;
  await popup.state.flushDraft(true);
  preactRender(null, popup.root);
  popup.root.remove();
}

const stored = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;

describe('the popup draft with the lock on', () => {
  it('is stored sealed and continues in the next popup of the same session', async () => {
    await createLock(PASSPHRASE, NOW, 100_000);
    await lockNow(); // capture happens locked: no passphrase anywhere below
    const a = await openPopup();
    fireEvent.input(a.field('What happened?'), { target: { value: 'HERON-5 broke prod' } });
    await closePopup();
    expect(JSON.stringify(await stored())).not.toContain('HERON-5');
    expect((await stored())[DRAFT_KEY]).toHaveProperty('sealed');

    const b = await openPopup();
    await waitFor(() => expect(b.field('What happened?').value).toBe('HERON-5 broke prod'));
  });

  it('after a lock: set aside, the new popup starts fresh, and an unlock merges both', async () => {
    await createLock(PASSPHRASE, NOW, 100_000);
    const a = await openPopup();
    fireEvent.input(a.field('What happened?'), { target: { value: 'Typed before the lock' } });
    await closePopup();
    await lockNow(); // forgets the draft's session key, as a restart does

    const b = await openPopup();
    const notice = await within(b.root).findByRole('group', { name: /unfinished reflection/ });
    expect(b.field('What happened?').value).toBe('');
    expect((await stored())[WAITING_DRAFTS_KEY]).toHaveLength(1);
    fireEvent.input(b.field('What did I learn?'), { target: { value: 'Typed after it' } });
    await b.state.flushDraft();

    const passphrase = within(notice).getByLabelText('Passphrase');
    fireEvent.input(passphrase, { target: { value: 'not it at all' } });
    fireEvent.click(within(notice).getByRole('button', { name: 'Unlock' }));
    await within(notice).findByText(/doesn't open the journal/);
    expect(b.field('What happened?').value).toBe('');

    fireEvent.input(passphrase, { target: { value: PASSPHRASE } });
    fireEvent.click(within(notice).getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(b.field('What happened?').value).toBe('Typed before the lock'));
    expect(b.field('What did I learn?').value).toBe('Typed after it');
    await waitFor(() =>
      expect(within(b.root).queryByRole('group', { name: /unfinished/ })).toBeNull(),
    );
    expect((await stored())[WAITING_DRAFTS_KEY]).toBeUndefined();
  });
});

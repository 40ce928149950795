// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOCK_OFFERED_KEY, LockOffer } from '../../../entrypoints/options/lock/LockOffer';
import { createLockView } from '../../../entrypoints/options/lock/lock-view';
import { saveReflection } from '../../../utils/reflections/db-store';
import { richReflection } from '../../helpers/reflections';

async function journalOf(n: number) {
  for (let i = 1; i <= n; i++) await saveReflection(richReflection(i));
}

async function offer() {
  const lock = createLockView(() => {});
  await lock.refresh();
  render(<LockOffer lock={lock} />);
}

describe('the offer to lock the journal', () => {
  it('waits for the tenth reflection', async () => {
    await journalOf(9);
    await offer();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/lock your journal/)).toBeNull();
  });

  it('is made once: "No, thanks" is remembered', async () => {
    await journalOf(10);
    await offer();
    fireEvent.click(await screen.findByRole('button', { name: 'No, thanks' }));
    expect(screen.queryByText(/lock your journal/)).toBeNull();
    expect(await fakeBrowser.storage.local.get(LOCK_OFFERED_KEY)).toEqual({
      [LOCK_OFFERED_KEY]: true,
    });
  });

  it('"Set up a lock" leads to Preferences', async () => {
    await journalOf(10);
    await offer();
    fireEvent.click(await screen.findByRole('button', { name: 'Set up a lock' }));
    await waitFor(() => expect(location.hash).toBe('#/preferences'));
  });
});

import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyDraft } from '../../../utils/capture/draft';
import {
  fromStoredDraft,
  LOCKED_DRAFT,
  toStoredDraft,
} from '../../../utils/lock/draft-codec-store';
import { createLock, lockNow, unlock } from '../../../utils/lock/lock-store';

const draft = {
  ...emptyDraft('quick', 1000),
  answers: { happened: 'OTTER-42 spilled coffee' },
  tags: ['otter-tag'],
  context: { title: 'Secret doc', url: 'https://intra.example/x' },
  rev: 3,
  writer: 'page-1',
};

describe('the draft with the lock on', () => {
  it('passes through unchanged with the lock off', async () => {
    expect(await toStoredDraft(draft)).toBe(draft);
    expect(await fromStoredDraft(draft)).toBe(draft);
  });

  it('is stored with no word in the clear, and reopens in the same browser session', async () => {
    await createLock('a long passphrase', 1000, 100_000);
    await lockNow(); // capture happens locked
    const stored = await toStoredDraft(draft);
    const text = JSON.stringify(stored);
    for (const words of ['OTTER-42', 'otter-tag', 'Secret doc', 'intra.example']) {
      expect(text).not.toContain(words);
    }
    expect(stored).toMatchObject({ rev: 3, writer: 'page-1', updatedAt: 1000 });
    expect(await fromStoredDraft(stored)).toEqual(draft);
  });

  it('needs the passphrase after a lock (or a restart), and nothing is lost', async () => {
    await createLock('a long passphrase', 1000, 100_000);
    const stored = await toStoredDraft(draft);
    await lockNow();
    expect(await fromStoredDraft(stored)).toBe(LOCKED_DRAFT);
    await unlock({ passphrase: 'a long passphrase' }, 2000);
    expect(await fromStoredDraft(stored)).toEqual(draft);
  });

  it('leaves the mark of a saved draft as it is', async () => {
    await createLock('a long passphrase', 1000, 100_000);
    const mark = { cleared: true, rev: 4, writer: 'p', updatedAt: 0 };
    expect(await toStoredDraft(mark)).toBe(mark);
    expect(await fakeBrowser.storage.session.get(null)).toBeDefined();
  });
});

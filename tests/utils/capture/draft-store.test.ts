import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../utils/capture/draft';
import { clearDraft, loadDraft, saveDraft } from '../../../utils/capture/draft-store';

describe('draft store', () => {
  it('keeps the draft in extension storage until cleared', async () => {
    expect(await loadDraft()).toBeNull();
    await saveDraft({ ...emptyDraft('quick', 1), answers: { learned: 'hi' } });
    expect((await loadDraft())?.answers).toEqual({ learned: 'hi' });
    await clearDraft();
    expect(await loadDraft()).toBeNull();
  });
});

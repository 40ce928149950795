import { describe, expect, it, vi } from 'vitest';
import {
  createDraftSaver,
  type Draft,
  emptyDraft,
  isDraftEmpty,
  parseDraft,
} from '../../../utils/capture/draft';

describe('parseDraft', () => {
  it('restores a stored draft exactly', () => {
    const draft: Draft = {
      ...emptyDraft('aar', 5),
      answers: { expected: 'a', happened: 'b' },
      tags: ['x'],
      tagText: 'half-typ',
      sting: 4,
      attachPage: true,
      context: { title: 'T', url: 'https://example.com' },
    };
    expect(parseDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it.each([null, undefined, 'draft', 3])('has nothing to restore from %j', (raw) => {
    expect(parseDraft(raw)).toBeNull();
  });

  it('repairs bad fields without losing the answers', () => {
    expect(
      parseDraft({
        template: 'zzz',
        answers: { happened: 'kept', n: 5 },
        sting: 9,
        tags: ['A', 3],
        trigger: 'x',
      }),
    ).toMatchObject({
      template: 'quick',
      answers: { happened: 'kept' },
      sting: null,
      tags: ['a'],
      trigger: 'manual',
    });
  });

  it('knows an untouched draft from one with content', () => {
    expect(isDraftEmpty(emptyDraft('quick', 0))).toBe(true);
    expect(isDraftEmpty({ ...emptyDraft('quick', 0), tagText: 'x' })).toBe(false);
    expect(isDraftEmpty({ ...emptyDraft('quick', 0), answers: { learned: ' ' } })).toBe(true);
  });
});

describe('createDraftSaver', () => {
  it('debounces writes and never loses the last keystroke', async () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const saver = createDraftSaver(async (d) => {
      writes.push(d.answers.learned ?? '');
    }, 100);
    for (const text of ['h', 'he', 'hel'])
      saver.schedule({ ...emptyDraft('quick', 0), answers: { learned: text } });
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toEqual(['hel']);
    saver.schedule({ ...emptyDraft('quick', 0), answers: { learned: 'hello' } });
    await saver.flush();
    expect(writes).toEqual(['hel', 'hello']);
    saver.schedule({ ...emptyDraft('quick', 0), answers: { learned: 'gone' } });
    saver.cancel();
    await vi.advanceTimersByTimeAsync(200);
    expect(writes).toEqual(['hel', 'hello']);
    vi.useRealTimers();
  });

  it('on hiding, issues again a write still under way: the page may be gone before it ends', async () => {
    vi.useFakeTimers();
    const writes: Array<[string, boolean]> = [];
    // The first write never finishes, like one waiting for a lock as the popup closes.
    const saver = createDraftSaver((d, hiding) => {
      writes.push([d.answers.learned ?? '', hiding]);
      return hiding ? Promise.resolve() : new Promise<void>(() => {});
    }, 100);
    saver.schedule({ ...emptyDraft('quick', 0), answers: { learned: 'typed' } });
    await vi.advanceTimersByTimeAsync(100);
    await saver.flush(); // an ordinary flush has nothing new to write
    expect(writes).toEqual([['typed', false]]);
    await saver.flush(true);
    expect(writes).toEqual([
      ['typed', false],
      ['typed', true],
    ]);
    await saver.flush(true); // that one finished: nothing is left to write
    expect(writes).toHaveLength(2);
    vi.useRealTimers();
  });
});

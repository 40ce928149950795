import { describe, expect, it } from 'vitest';
import { quietNotifications } from '../../../utils/lock/lock-read-store';
import { createLock, lockNow, saveLockPrefs } from '../../../utils/lock/lock-store';
import { lessonFromBefore } from '../../../utils/nudges/nudge-wording';
import { followUpWording } from '../../../utils/nudges/reminder-wording';

const due = [
  { id: 'a', dueAt: 0, nextTime: 'Call the client first' },
  { id: 'b', dueAt: 0, nextTime: 'Write the test' },
];

describe('notifications with the lock on', () => {
  it('quote nothing while locked, or when set to hide words; quote as before otherwise', async () => {
    expect(await quietNotifications()).toBe(false); // no lock
    await createLock('a long passphrase', 0, 100_000);
    expect(await quietNotifications()).toBe(true); // hiding words is the lock's default
    await saveLockPrefs({ hideWordsInNotifications: false });
    expect(await quietNotifications()).toBe(false); // unlocked, and the person allows it
    await lockNow();
    expect(await quietNotifications()).toBe(true); // locked: never
  });

  it('say a commitment is due without quoting it', () => {
    expect(followUpWording(due, true).message).toBe(
      'A commitment and 1 more are due for a look back. Click to say how they went.',
    );
    expect(followUpWording(due.slice(0, 1), true).message).not.toContain('client');
    // A commitment that could not be read (sealed) is never quoted as empty quotes.
    expect(followUpWording([{ id: 'a', dueAt: 0, nextTime: '' }]).message).toBe(
      'A commitment is due for a look back. Click to say how it went.',
    );
    expect(followUpWording(due.slice(0, 1)).message).toContain('Call the client first');
  });

  it('show a neutral start-up line instead of the lesson', () => {
    expect(lessonFromBefore(null).message).toBe('A lesson from before is waiting in your journal.');
    expect(lessonFromBefore('Ask early').message).toBe('Ask early');
  });
});

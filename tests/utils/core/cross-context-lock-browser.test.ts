import { describe, expect, it } from 'vitest';
import { withLock } from '../../../utils/core/cross-context-lock-browser';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('withLock (one context: the queue that stands in for Web Locks in Node)', () => {
  it('runs tasks of one lock one after another, in the order they asked', async () => {
    const steps: string[] = [];
    const task = (name: string) => async () => {
      steps.push(`${name} start`);
      await tick();
      steps.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      withLock('fail-well:settings', task('a')),
      withLock('fail-well:settings', task('b')),
    ]);
    expect(results).toEqual(['a', 'b']);
    expect(steps).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('a task that throws rejects and lets the next one run', async () => {
    const failing = withLock('fail-well:site-tabs', async () => {
      throw new Error('disk full');
    });
    const next = withLock('fail-well:site-tabs', async () => 'ran');
    await expect(failing).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('ran');
  });

  it('different locks do not wait for each other', async () => {
    let release: () => void = () => undefined;
    const held = withLock('fail-well:nudge-state', () => new Promise<void>((r) => (release = r)));
    await expect(withLock('fail-well:context-menus', async () => 'free')).resolves.toBe('free');
    release();
    await held;
  });
});

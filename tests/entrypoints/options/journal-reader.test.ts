import { describe, expect, it } from 'vitest';
import { type JournalWorker, readJournal } from '../../../entrypoints/options/journal-reader';
import type { OpeningKeys } from '../../../utils/lock/envelope';
import { parseJournalRequest } from '../../../utils/lock/journal-read-protocol';
import { readOpeningKeys } from '../../../utils/lock/lock-read-store';
import { createLock, lockNow, unlock } from '../../../utils/lock/lock-store';
import { openedJournal } from '../../../utils/lock/opened-journal-store';
import { replaceUnchanged, rowsAfter } from '../../../utils/reflections/db-rows-store';
import { type ReadReport, saveReflection } from '../../../utils/reflections/db-store';
import type { Reflection } from '../../../utils/reflections/reflection';
import { richReflection } from '../../helpers/reflections';

const PASSPHRASE = 'a long passphrase';

/** 6 saved unlocked (data key), 9 after a lock (public key); unlocked again. */
async function journal(): Promise<{ all: Reflection[]; keys: OpeningKeys }> {
  await createLock(PASSPHRASE, 1000, 100_000);
  const all: Reflection[] = [];
  for (let i = 1; i <= 15; i++) {
    if (i === 7) await lockNow();
    const r = richReflection(i);
    all.push(r);
    await saveReflection(r);
  }
  const keys = await unlock({ passphrase: PASSPHRASE }, 2000);
  return { all: all.sort((a, b) => a.id.localeCompare(b.id)), keys };
}

/**
 * A worker run in this process, as journal-worker.ts wires it (messages cloned both ways, as
 * a real worker's are); `failAfter` batches, it reports a failure instead of the rest.
 */
function inProcess(failAfter = Number.POSITIVE_INFINITY) {
  const seen = { started: 0, terminated: 0, received: 0 };
  const spawn = (): JournalWorker => {
    seen.started++;
    let stopped = false;
    const worker: JournalWorker = {
      onmessage: null,
      onerror: null,
      terminate() {
        stopped = true;
        seen.terminated++;
      },
      postMessage(message) {
        const request = parseJournalRequest(message);
        if (!request) throw new Error('not a request');
        const send = (data: unknown) => {
          if (!stopped) worker.onmessage?.({ data: structuredClone(data) } as MessageEvent);
        };
        void (async () => {
          let sent = 0;
          for await (const batch of openedJournal(request.batch, request.keys)) {
            if (sent++ === failAfter) return send({ type: 'failed' });
            seen.received += batch.rows.length;
            send({ type: 'rows', ...batch });
          }
          send({ type: 'done' });
        })();
      },
    };
    return worker;
  };
  return { spawn, seen };
}

async function readAll(options: Parameters<typeof readJournal>[2], batch = 4) {
  const report: ReadReport = { sealedToPublicKey: [] };
  const batches: Reflection[][] = [];
  for await (const rows of readJournal(batch, report, options)) batches.push(rows);
  return { rows: batches.flat(), batches: batches.length, report };
}

const publicKeySealed = async () =>
  (await rowsAfter(null, 100)).filter((r) => r.sealed?.f === 'pk').map((r) => r.id);

describe('the review page reads the journal through its worker while unlocked', () => {
  it('gets every reflection opened, in key order, with the rows sealed while locked named', async () => {
    const { all } = await journal();
    const { spawn, seen } = inProcess();
    const read = await readAll({ spawn });
    expect(read.rows).toEqual(all);
    expect(read.batches).toBe(4);
    expect(read.report.sealedToPublicKey).toEqual(await publicKeySealed());
    expect(read.report.sealedToPublicKey).toHaveLength(9);
    expect(seen).toEqual({ started: 1, terminated: 1, received: 15 });
  });

  it('carries on in the page from the last row when the worker fails part way', async () => {
    const { all } = await journal();
    const { spawn, seen } = inProcess(2);
    const read = await readAll({ spawn });
    expect(seen.received).toBe(8);
    // Every reflection exactly once, and every row sealed to the public key still found.
    expect(read.rows).toEqual(all);
    expect(read.report.sealedToPublicKey).toEqual(await publicKeySealed());
    expect(seen.terminated).toBe(1);
  });

  it('reads in the page when no worker starts, and with the lock off or locked starts none', async () => {
    const { all } = await journal();
    const refused = await readAll({
      spawn: () => {
        throw new Error('no Worker here');
      },
    });
    expect(refused.rows).toEqual(all);
    await lockNow();
    expect(await readOpeningKeys()).toBeNull();
    const { spawn, seen } = inProcess();
    const locked = await readAll({ spawn });
    expect(seen.started).toBe(0);
    // Locked: the rows come back as stored, words blank.
    expect(locked.rows.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(locked.rows.every((r) => r.sealed && Object.keys(r.answers).length === 0)).toBe(true);
  });

  it('stops the worker when the reader stops early (the page read again)', async () => {
    await journal();
    const { spawn, seen } = inProcess();
    for await (const _rows of readJournal(4, { sealedToPublicKey: [] }, { spawn })) break;
    expect(seen.terminated).toBe(1);
  });

  it('shows a record changed on disk as unreadable, never garbled', async () => {
    const { keys } = await journal();
    const stored = await rowsAfter(null, 100);
    const target = stored[3] as Reflection;
    const moved = { ...target, sealed: (stored[4] as Reflection).sealed };
    await replaceUnchanged([{ was: target, now: moved }]);
    const batches: Reflection[] = [];
    for await (const b of openedJournal(100, keys)) batches.push(...b.rows);
    expect(batches[3]).toEqual(moved);
    expect(batches[3]?.answers).toEqual({});
  });
});

/**
 * One sync run, in the background only: pull the server's changes page by page (each page's
 * rows, bases and checkpoint committed in one transaction), then push the outbox with the
 * known revisions, merging on conflict and sending again. Every page is committed before the
 * next is asked for, so a worker stopped mid-run, or a server gone mid-batch, resumes from the
 * last checkpoint with nothing lost or doubled, and memory stays one page whatever the
 * journal's size. The caller holds the `fail-well:sync` Web Lock and the unlocked keys.
 */
import type { LockCodec } from '../../lock/lock-codec-store';
import { readableRows, storedForm } from '../../lock/lock-codec-store';
import type { Reflection } from '../../reflections/reflection';
import type { SyncBase } from '../../reflections/sync-rows';
import {
  commitPulled,
  countLive,
  localState,
  type PulledChange,
  pendingChanges,
  readCheckpoint,
  type SentChange,
  settleSent,
} from '../../reflections/sync-store';
import type { CouchClient, ServerVersion } from '../couch-client';
import { checkDeletes, type DeleteDecision } from '../mass-delete-failsafe';
import { fieldHashes } from '../merge';
import { decide, type Incoming, type LocalSide, syncedReflectionOf } from '../pull-decision';
import {
  docIdOf,
  openDoc,
  reflectionIdOf,
  SyncDocError,
  type SyncDocErrorCode,
  sealDoc,
} from '../sync-doc';
import type { SyncKeys } from '../sync-keys';

/** The part of the CouchDB client a run uses (an in-memory one in unit tests). */
export type Replica = Pick<CouchClient, 'pullChanges' | 'pushDocs' | 'getDocs'>;

export const PULL_PAGE = 500;
export const PUSH_BATCH = 100;
/** Conflict rounds one run goes through before it leaves the rest for the next run. */
const CONFLICT_ROUNDS = 5;

export interface RunOptions {
  /** The person confirmed the deletions the failsafe asked about. */
  allowDeletes?: boolean;
  /** Pages (pull or push) one run may do before it yields; the next run carries on. */
  maxPages?: number;
  /** Asked before each page: false once the caller's time is up (the run then yields too). */
  inTime?: () => boolean;
}

export interface RunReport {
  /** 'more': stopped at `maxPages` with work left; 'ask': the failsafe wants a yes first. */
  outcome: 'done' | 'more' | 'ask';
  pulled: number;
  pushed: number;
  /** Documents refused as not ours or changed on the server (nothing written for them). */
  rejected: { id: string; code: SyncDocErrorCode }[];
  ask?: Extract<DeleteDecision, { kind: 'ask' }>;
}

/**
 * A document sealed under a key this device does not hold, or in a newer format: the run
 * stops before anything of its page is written (a wrong journal, or a key change not seen yet).
 */
export class SyncStopError extends Error {
  override name = 'SyncStopError';
  constructor(readonly code: 'unknown-key' | 'unsupported') {
    super(`Sync stopped (${code})`);
  }
}

interface Run {
  replica: Replica;
  keys: SyncKeys;
  codec: LockCodec;
  options: RunOptions;
  report: RunReport;
  deletes: number;
  pages: number;
}

/** Sync once: pull, then push. Throws SyncHttpError / SyncStopError with nothing half-written. */
export async function syncOnce(
  replica: Replica,
  keys: SyncKeys,
  codec: LockCodec,
  options: RunOptions = {},
): Promise<RunReport> {
  const report: RunReport = { outcome: 'done', pulled: 0, pushed: 0, rejected: [] };
  const run: Run = { replica, keys, codec, options, report, deletes: 0, pages: 0 };
  if (await pull(run)) await push(run);
  return report;
}

function outOfPages(run: Run): boolean {
  const { maxPages, inTime } = run.options;
  if ((maxPages === undefined || run.pages < maxPages) && (inTime?.() ?? true)) return false;
  run.report.outcome = 'more';
  return true;
}

/** Pull until the server has nothing newer; false when the run stopped early. */
async function pull(run: Run): Promise<boolean> {
  let since = await readCheckpoint();
  for (;;) {
    if (outOfPages(run)) return false;
    run.pages++;
    const page = await run.replica.pullChanges(since, PULL_PAGE);
    const incoming = await openAll(
      run,
      page.results.map((r) => r.doc ?? deletion(r)),
    );
    if (!(await apply(run, incoming, page.lastSeq))) return false;
    run.report.pulled += incoming.length;
    since = page.lastSeq;
    if (page.results.length < PULL_PAGE) return true;
  }
}

/** A `_changes` row without its document (a deletion compacted away) as a deletion. */
function deletion(row: { id: string; deleted?: boolean }): unknown {
  return row.deleted ? { _id: row.id, _deleted: true } : undefined;
}

/** The server's current version as a document, the way `_changes` would give it. */
function serverDoc(id: string, version: ServerVersion): unknown {
  if (version.state === 'doc') return version.doc;
  return version.state === 'deleted' ? { _id: id, _rev: version.rev, _deleted: true } : undefined;
}

/** Open the documents that are reflections; refuse tampered ones, stop at a foreign key. */
async function openAll(run: Run, docs: unknown[]): Promise<Incoming[]> {
  const keyFor = (kid: string) =>
    kid === run.keys.kid ? run.keys.docKey : run.keys.past?.get(kid)?.docKey;
  const incoming: Incoming[] = [];
  for (const doc of docs) {
    const docId = (doc as { _id?: unknown } | undefined)?._id;
    const id = typeof docId === 'string' ? reflectionIdOf(docId) : null;
    if (id === null) continue; // the keyring, a design document: not a reflection
    try {
      const opened = await openDoc(doc, keyFor);
      const theirs = opened.deleted ? null : syncedReflectionOf(opened.value, id);
      if (!opened.deleted && theirs === null) throw new SyncDocError('malformed', opened.id);
      const stale = !opened.deleted && (doc as { kid?: unknown }).kid !== run.keys.kid;
      incoming.push({ id, rev: opened.rev ?? '', theirs, stale });
    } catch (error) {
      if (!(error instanceof SyncDocError)) throw error;
      if (error.code === 'unknown-key' || error.code === 'unsupported') {
        throw new SyncStopError(error.code);
      }
      run.report.rejected.push({ id, code: error.code });
    }
  }
  return incoming;
}

/** This device's rows as stored, their bases, and the readable reflections by id. */
async function readLocal(run: Run, ids: string[]) {
  const { rows, bases } = await localState(ids);
  const readable = await readableRows(
    rows.filter((r): r is Reflection => r !== undefined),
    run.codec,
  );
  return { rows, bases, byId: new Map(readable.map((r) => [r.id, r as Reflection])) };
}

/**
 * A base as the merge compares with it: hashed with the current key, or — made before the
 * journal's key changed — with that earlier key's hash key; without its hashes when that key
 * is not known here (the merge then keeps both versions wherever the two differ).
 */
function baseOf(run: Run, base: SyncBase | undefined): Pick<LocalSide, 'base' | 'baseHashKey'> {
  if (!base?.hashKid) return { base };
  const past = run.keys.past?.get(base.hashKid);
  return past ? { base, baseHashKey: past.hashKey } : { base: { ...base, hashes: {} } };
}

/**
 * Decide and commit one page with `checkpoint`; false when the failsafe stopped it (nothing of
 * the page written, the checkpoint where it was).
 */
async function apply(run: Run, incoming: Incoming[], checkpoint: string): Promise<boolean> {
  const { rows, bases, byId } = await readLocal(
    run,
    incoming.map((i) => i.id),
  );
  const changes: PulledChange[] = [];
  let deletes = 0;
  for (const [i, item] of incoming.entries()) {
    const mine = byId.get(item.id);
    // Our own push coming back (the revision we already agreed on): nothing new in it.
    if (bases[i]?.rev === item.rev) continue;
    // A row this context cannot open (sealed by a key it lacks) is left for a later run.
    if (mine?.sealed) continue;
    const decision = await decide(item, { mine, ...baseOf(run, bases[i]) }, run.keys.hashKey);
    if (decision.deletesLive) deletes++;
    changes.push({
      id: item.id,
      expected: rows[i],
      row: decision.keep && (await storedForm(decision.keep, run.codec)),
      base: decision.base,
      // Still under an earlier key on the server: sent again, so it ends under the current one.
      sendBack: decision.sendBack || (item.stale === true && decision.keep !== null),
    });
  }
  if (deletes > 0 && !run.options.allowDeletes) {
    // Counted over the whole run, so a wipe split into pages cannot slip by page by page.
    const decision = checkDeletes(run.deletes + deletes, await countLive());
    if (decision.kind === 'ask') {
      run.report.outcome = 'ask';
      run.report.ask = decision;
      return false;
    }
  }
  run.deletes += deletes;
  await commitPulled(changes, checkpoint);
  return true;
}

/** Send the outbox; false when the run stopped early. */
async function push(run: Run): Promise<boolean> {
  let after: string | null = null;
  let rounds = 0;
  for (;;) {
    const entries = await pendingChanges(PUSH_BATCH, after);
    if (entries.length === 0) return true;
    if (outOfPages(run)) return false;
    run.pages++;
    after = entries.at(-1)?.id ?? null;
    const { bases, byId } = await readLocal(
      run,
      entries.map((e) => e.id),
    );
    const docs: object[] = [];
    const waiting = new Map<string, SentChange>();
    const settled: SentChange[] = [];
    for (const [i, entry] of entries.entries()) {
      const mine = byId.get(entry.id);
      const base = bases[i];
      if (mine?.sealed) continue; // cannot be read here: stays queued for an unlocked run
      const docId = docIdOf(entry.id);
      if (!mine) {
        // Purged here: tell the server, or nothing to do when it never had it.
        if (base) docs.push({ _id: docId, _rev: base.rev, _deleted: true });
        if (base) waiting.set(docId, { entry, base: null });
        else settled.push({ entry, base: null });
        continue;
      }
      const { sealed: _, ...plain } = mine;
      docs.push(await sealDoc(docId, plain, run.keys.docKey, run.keys.kid, base?.rev));
      const hashes = { ...(await fieldHashes(mine, run.keys.hashKey)) };
      waiting.set(docId, { entry, base: { id: entry.id, rev: '', hashes } });
    }
    const conflicted: string[] = [];
    if (docs.length > 0) {
      for (const result of await run.replica.pushDocs(docs)) {
        const sent = waiting.get(result.id);
        if (!sent) continue;
        if (result.ok) {
          settled.push(
            sent.base ? { entry: sent.entry, base: { ...sent.base, rev: result.rev } } : sent,
          );
        } else if (result.error === 'conflict') {
          conflicted.push(result.id);
        } else {
          run.report.rejected.push({ id: sent.entry.id, code: 'malformed' });
        }
      }
    }
    await settleSent(settled);
    run.report.pushed += settled.length;
    if (conflicted.length > 0 && rounds++ < CONFLICT_ROUNDS) {
      // Changed on the server since our base: merge with its version now; the merge is
      // queued again (a new mark) and goes out with the new revision on the next pass.
      const current = await run.replica.getDocs(conflicted);
      const incoming = await openAll(
        run,
        [...current].map(([id, v]) => serverDoc(id, v)),
      );
      const checkpoint = await readCheckpoint();
      if (!(await apply(run, incoming, checkpoint ?? '0'))) return false;
      after = null;
    }
  }
}

/**
 * Two devices changed one reflection: a three-way merge, field by field, decided by what each
 * side changed since the version both synced last — never by whose clock is later. That
 * common version is kept locally only as keyed hashes per field (`fieldHashes`: HMAC-SHA-256
 * under a key from the lock's data key), so no second plaintext copy of a reflection sits on
 * the device. Rules: a field only one side changed takes that side; each answer is its own
 * field; tags both changed are united; a follow-up check answered on either side is answered;
 * the same text changed on both sides keeps both versions (`conflicts`, for "edited on two
 * devices — keep which?"), and those waiting choices merge like a field too, so a choice made
 * on one device is not undone by the other; an edit beats a delete. Every tie-break is by content, so both
 * devices reach the same record whichever merges. Pure: WebCrypto only.
 */
import { toBase64, utf8 } from '../lock/bytes';
import type { FieldConflict, FollowUp, Reflection } from '../reflections/reflection';
import { normalizeTags } from '../reflections/reflection';

/** Keyed hash per field path of the last version both devices had. */
export type FieldHashes = Readonly<Record<string, string>>;

type Fields = Record<string, unknown>;

/** The fields merged one by one; `answers.<key>` are added per answer. */
function fieldsOf(r: Reflection): Fields {
  const fields: Fields = {
    form: [r.template, r.prompt ?? null, r.wording ?? null],
    tags: [...r.tags].sort(),
    sting: r.sting,
    trigger: r.trigger,
    context: r.context,
    share: r.share,
    pinned: r.pinned,
    review: r.review,
    followUps: r.followUps,
    deletedAt: r.deletedAt,
    createdAt: r.createdAt,
    conflicts: sortedConflicts(r.conflicts ?? []),
  };
  for (const [key, text] of Object.entries(r.answers)) fields[`answers.${key}`] = text;
  return fields;
}

/** JSON with object keys in order, so equal values hash and compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Fields).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Each conflict once, in content order, so both devices hold (and hash) the same list. */
function sortedConflicts(conflicts: readonly FieldConflict[]): FieldConflict[] {
  const unique = new Map(conflicts.map((c) => [canonical(c), c]));
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
}

/** The key the base hashes are made with: derive it from the lock's data key (HKDF), or import. */
export function importHashKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function hashOf(key: CryptoKey, field: string, value: unknown): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, utf8(`${field}\u0000${canonical(value)}`));
  // 16 bytes tell versions apart; the hash only ever compares one record with itself.
  return toBase64(new Uint8Array(mac, 0, 16));
}

/** The keyed hashes of every field of `r`: what is kept of the version both devices had. */
export async function fieldHashes(r: Reflection, key: CryptoKey): Promise<FieldHashes> {
  const entries = await Promise.all(
    Object.entries(fieldsOf(r)).map(async ([field, value]) => [
      field,
      await hashOf(key, field, value === undefined ? '' : value),
    ]),
  );
  return Object.fromEntries(entries);
}

const byContent = (a: unknown, b: unknown) => (canonical(a) >= canonical(b) ? a : b);

/** One follow-up check from two sides: an answered one beats an unanswered one. */
function mergeCheck(a: FollowUp, b: FollowUp): FollowUp {
  if (a.answeredAt !== null && b.answeredAt === null) return a;
  if (b.answeredAt !== null && a.answeredAt === null) return b;
  return byContent(a, b) as FollowUp;
}

/** Both sides changed the checks: matched by due date, each merged; checks on one side kept. */
function mergeFollowUps(a: readonly FollowUp[], b: readonly FollowUp[]): FollowUp[] {
  const byDue = new Map<number, FollowUp>();
  for (const check of [...a, ...b]) {
    const seen = byDue.get(check.dueAt);
    byDue.set(check.dueAt, seen ? mergeCheck(seen, check) : check);
  }
  return [...byDue.values()].sort((x, y) => x.dueAt - y.dueAt);
}

/** What to do with a field both sides changed (differently). */
function bothChanged(
  field: string,
  mine: unknown,
  theirs: unknown,
  conflicts: FieldConflict[],
): unknown {
  if (field.startsWith('answers.')) {
    const a = typeof mine === 'string' ? mine : '';
    const b = typeof theirs === 'string' ? theirs : '';
    // One side emptied the answer, the other rewrote it: the words are kept.
    if (a.trim() === '' || b.trim() === '') return a.trim() === '' ? b : a;
    const versions = [a, b].sort() as [string, string];
    conflicts.push({ field, versions });
    return versions[0];
  }
  if (field === 'tags')
    return normalizeTags([...(mine as string[]), ...(theirs as string[])]).sort();
  if (field === 'followUps') return mergeFollowUps(mine as FollowUp[], theirs as FollowUp[]);
  // Both sides have choices waiting (new ones, or one resolved while the other gained one).
  if (field === 'conflicts') {
    return sortedConflicts([...(mine as FieldConflict[]), ...(theirs as FieldConflict[])]);
  }
  // Deleted on both: the earlier moment, so both devices agree.
  if (field === 'deletedAt' && mine !== null && theirs !== null) {
    return Math.min(mine as number, theirs as number);
  }
  return byContent(mine, theirs);
}

/**
 * Merge `mine` (this device) and `theirs` (the server's) against `base`, the hashes of the
 * version both had (null when unknown: a first sync, or a record both created under one id).
 */
export async function mergeReflections(
  mine: Reflection,
  theirs: Reflection,
  base: FieldHashes | null,
  key: CryptoKey,
): Promise<Reflection> {
  const a = fieldsOf(mine);
  const b = fieldsOf(theirs);
  const conflicts: FieldConflict[] = [];
  const merged: Fields = {};
  // Fields each side changed since the base, the deletion aside: an edit beats a delete.
  const editedHere = new Set<string>();
  const editedThere = new Set<string>();
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const empty = field.startsWith('answers.') ? '' : null;
    const x = field in a ? a[field] : empty;
    const y = field in b ? b[field] : empty;
    if (canonical(x) === canonical(y)) {
      merged[field] = x;
      continue;
    }
    const baseHash = base?.[field];
    const mineChanged = baseHash === undefined || (await hashOf(key, field, x)) !== baseHash;
    const theirsChanged = baseHash === undefined || (await hashOf(key, field, y)) !== baseHash;
    if (field !== 'deletedAt') {
      if (mineChanged) editedHere.add(field);
      if (theirsChanged) editedThere.add(field);
    }
    if (!mineChanged) merged[field] = y;
    else if (!theirsChanged) merged[field] = x;
    else merged[field] = bothChanged(field, x, y, conflicts);
  }
  // Deleted on one side while the other edited it: the content stays, not deleted.
  const deletedHere = a.deletedAt !== null;
  const deletedThere = b.deletedAt !== null;
  if (deletedHere !== deletedThere && (deletedHere ? editedThere : editedHere).size > 0) {
    merged.deletedAt = null;
  }
  return assemble(mine, theirs, merged, [...(merged.conflicts as FieldConflict[]), ...conflicts]);
}

function assemble(
  mine: Reflection,
  theirs: Reflection,
  fields: Fields,
  conflicts: FieldConflict[],
): Reflection {
  const [template, prompt, wording] = fields.form as [
    Reflection['template'],
    string | null,
    Reflection['wording'] | null,
  ];
  const answers: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (field.startsWith('answers.')) answers[field.slice('answers.'.length)] = value as string;
  }
  // A choice about an answer that is no longer there has nothing left to choose.
  const kept = sortedConflicts(conflicts).filter(
    (c) => answers[c.field.slice('answers.'.length)] !== undefined,
  );
  return {
    id: mine.id,
    createdAt: fields.createdAt as number,
    updatedAt: Math.max(mine.updatedAt, theirs.updatedAt),
    template,
    ...(prompt !== null ? { prompt } : {}),
    ...(wording ? { wording } : {}),
    answers,
    tags: fields.tags as string[],
    sting: fields.sting as Reflection['sting'],
    trigger: fields.trigger as Reflection['trigger'],
    context: fields.context as Reflection['context'],
    followUps: fields.followUps as FollowUp[],
    share: fields.share as Reflection['share'],
    pinned: fields.pinned as boolean,
    review: fields.review as Reflection['review'],
    deletedAt: fields.deletedAt as number | null,
    ...(kept.length ? { conflicts: kept } : {}),
  };
}

/**
 * Which parts of a reflection the lock seals, and the two-way mapping between a readable
 * reflection and its stored, sealed form.
 *
 * Sealed (the words, and what identifies what happened): the prompt, an own template's
 * wording (a person wrote those questions too), every answer, the tags,
 * the page title / address / selection, who was affected, the follow-up notes, and both
 * versions of an answer two devices changed (sync's `conflicts`).
 * Clear (what the background needs to nudge while locked, and what the database indexes):
 * the id, created/updated times, template, trigger, sting, pinned, soft delete, follow-up due
 * dates and outcomes, whether someone was told and when, the review state.
 *
 * A sealed row keeps the shape of a reflection with those fields blank and one envelope in
 * `sealed`; so a reader that cannot open it (the background while locked) still sees a valid
 * record, and a record says by itself which form it is in. Pure.
 */
import {
  type FieldConflict,
  isConflict,
  type Reflection,
  type ReflectionContext,
} from '../reflections/reflection';
import type { Wording } from '../reflections/templates';
import {
  LockError,
  type OpeningKeys,
  openEnvelope,
  type SealingKey,
  sealToPublicKey,
  sealWithDataKey,
} from './envelope';

/** What the envelope of a reflection holds. */
interface ReflectionWords {
  prompt?: string;
  wording?: Wording;
  answers: Record<string, string>;
  tags: string[];
  context: ReflectionContext | null;
  affected: string | null;
  notes: string[];
  conflicts?: FieldConflict[];
}

const place = (id: string) => `${id}/words`;

function wordsOf(r: Reflection): ReflectionWords {
  return {
    ...(r.prompt === undefined ? {} : { prompt: r.prompt }),
    ...(r.wording === undefined ? {} : { wording: r.wording }),
    answers: r.answers,
    tags: r.tags,
    context: r.context,
    affected: r.share?.affected ?? null,
    notes: r.followUps.map((f) => f.note),
    ...(r.conflicts === undefined ? {} : { conflicts: r.conflicts }),
  };
}

/** The reflection with every sealed field blank (what stays readable while locked). */
export function withoutWords(r: Reflection): Reflection {
  const { prompt: _prompt, wording: _wording, sealed: _sealed, conflicts: _c, ...clear } = r;
  return {
    ...clear,
    answers: {},
    tags: [],
    context: null,
    share: r.share && { ...r.share, affected: '' },
    followUps: r.followUps.map((f) => ({ ...f, note: '' })),
  };
}

/** Whether a stored reflection is in the sealed form. */
export function isSealed(r: Reflection): boolean {
  return r.sealed !== undefined;
}

/**
 * The sealed form of a readable reflection: with the data key when this context has it
 * (fast to open later), else to the public key (capture while locked).
 */
export async function sealReflection(
  r: Reflection,
  key: SealingKey | Pick<OpeningKeys, 'kid' | 'dataKey'>,
): Promise<Reflection> {
  const words = wordsOf(r);
  const sealed =
    'dataKey' in key
      ? await sealWithDataKey(key, place(r.id), words)
      : await sealToPublicKey(key, place(r.id), words);
  return { ...withoutWords(r), sealed };
}

function isWording(value: unknown): value is Wording {
  const w = value as Partial<Wording> | null;
  return (
    typeof w === 'object' &&
    w !== null &&
    typeof w.name === 'string' &&
    Array.isArray(w.questions) &&
    w.questions.every((q) => typeof q?.key === 'string' && typeof q?.label === 'string')
  );
}

function asWords(value: unknown): ReflectionWords {
  const w = value as Partial<ReflectionWords> | null;
  const ok =
    typeof w === 'object' &&
    w !== null &&
    typeof w.answers === 'object' &&
    w.answers !== null &&
    Array.isArray(w.tags) &&
    Array.isArray(w.notes) &&
    (w.prompt === undefined || typeof w.prompt === 'string') &&
    (w.wording === undefined || isWording(w.wording)) &&
    (w.affected === null || typeof w.affected === 'string') &&
    (w.conflicts === undefined || w.conflicts.every(isConflict));
  if (!ok) throw new LockError('malformed');
  return w as ReflectionWords;
}

/** The readable reflection of a sealed row; a clear row comes back as it is. Throws `LockError`. */
export async function openReflection(row: Reflection, keys: OpeningKeys): Promise<Reflection> {
  if (!row.sealed) return row;
  const words = asWords(await openEnvelope(keys, place(row.id), row.sealed));
  const { sealed: _sealed, ...clear } = row;
  return {
    ...clear,
    ...(words.prompt === undefined ? {} : { prompt: words.prompt }),
    ...(words.wording === undefined ? {} : { wording: words.wording }),
    answers: words.answers,
    tags: words.tags,
    context: words.context,
    share: row.share && { ...row.share, affected: words.affected ?? '' },
    followUps: row.followUps.map((f, i) => ({ ...f, note: words.notes[i] ?? '' })),
    ...(words.conflicts === undefined ? {} : { conflicts: words.conflicts }),
  };
}

/** Whether a sealed row should be rewritten with the data key (opened with an ECDH agreement). */
export function sealedToPublicKey(r: Reflection): boolean {
  return r.sealed?.f === 'pk';
}

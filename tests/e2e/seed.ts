/**
 * Reflections for benchmarks and end-to-end tests, written straight into the extension's
 * IndexedDB in batched transactions:
 * - `generateReflections`: a deterministic generator of realistic records built with
 *   `createReflection` (same seed, same records; dates over five years before `now`), and
 *   `writeReflections` to store them;
 * - `seedReflections`: many synthetic records generated in the page itself (nothing crosses
 *   the DevTools protocol), then the `bulk` message an import sends; `reflection` builds a
 *   hand-made record for tests that look for particular words.
 * Both write rows as the app stores them (`toStoredRow`: with the follow-up index's key), so
 * the background finds a seeded due follow-up exactly as it finds a saved one.
 */
import type { Page } from '@playwright/test';
import { syntheticReflections } from '../../bench/synthetic';
import {
  createReflection,
  type FollowUp,
  firstReview,
  type Reflection,
  type ReflectionInput,
  type Sting,
  TRIGGERS,
  type Trigger,
} from '../../utils/reflections/reflection';
import { toStoredRow } from '../../utils/reflections/stored-row';
import {
  ONE_QUESTION_POOL,
  questionsFor,
  TEMPLATE_IDS,
  type TemplateId,
} from '../../utils/reflections/templates';

const DAY = 86_400_000;
const FIVE_YEARS = 5 * 365 * DAY;
/** A fixed "now" so generated dates do not depend on when the run happens. */
export const SEED_NOW = Date.UTC(2026, 10, 1, 12);

/** Small, fast, seedable PRNG (mulberry32): uniform floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TAGS = [
  'deploy',
  'code-review',
  'meetings',
  'estimates',
  'communication',
  'testing',
  'ops',
  'databases',
  'on-call',
  'feedback',
  'planning',
  'focus',
  'documentation',
  'hiring',
  'mentoring',
  'security',
  'performance',
  'frontend',
  'backend',
  'ci',
  'migrations',
  'incident',
  'customer',
  'design',
  'scope',
  'deadline',
  'handover',
  'onboarding',
  'release',
  'monitoring',
  'backups',
  'permissions',
  'email',
  'slack',
  'interview',
  'presentation',
  'budget',
  'vendor',
  'accessibility',
  'refactoring',
  'dependencies',
  'config',
  'rollback',
  'pairing',
  'retro',
  'one-on-one',
  'priorities',
  'burnout',
  'boundaries',
  'learning',
];

const SUBJECTS = [
  'I merged the pull request',
  'The deploy to production',
  'My estimate for the search work',
  'The standup',
  'A message I sent to the team',
  'The database migration',
  'The release notes',
  'My review of the onboarding flow',
  'The on-call handover',
  'The customer call',
  'The backup job',
  'The sprint planning',
  'The config change',
  'My demo to the leads',
  'The interview loop',
  'The rollback',
  'The feature flag',
  'The dependency upgrade',
];
const EVENTS = [
  'went out without the tests passing',
  'took twice as long as I said it would',
  'broke the login page for an hour',
  'left a colleague waiting for an answer',
  'missed an edge case with empty lists',
  'ran against the wrong environment',
  'was pushed late on a Friday',
  'skipped the checklist because I was rushing',
  'assumed the cache would be warm',
  'did not mention the risk I had spotted',
  'repeated work someone had already done',
  'surprised the support team',
];
const LESSONS = [
  'Slowing down for five minutes is cheaper than an hour of cleanup.',
  'Saying "I am not sure" early builds more trust than a confident guess.',
  'A checklist only helps when I actually read it.',
  'Asking for a second pair of eyes is not a weakness.',
  'Small batches make mistakes small too.',
  'Writing down the plan exposes the gaps before they bite.',
  'People forgive mistakes; they remember how I handled them.',
  'The quiet warning sign was there; I talked myself out of it.',
  'Estimates are guesses, and I should say so out loud.',
  'Tired decisions are worse decisions.',
];
const NEXT = [
  'Run the full test suite before merging, even for a one-line change.',
  'Give estimates as ranges and update them when I learn more.',
  'Post a short heads-up in the channel before touching shared config.',
  'Take a backup and check it restores before any migration.',
  'Block thirty minutes for review instead of squeezing it between meetings.',
  'Ask "what could go wrong?" out loud in the planning meeting.',
  'Tell the people affected within the hour, with what I am doing about it.',
  'Keep Friday afternoons for low-risk work.',
  'Write the rollback steps before the rollout steps.',
  'Check in with the newcomer at the end of their first week.',
];
const DETAIL = [
  'It was not a disaster, but it stung.',
  'Nobody blamed me, which made it easier to look at.',
  'I noticed it only because a colleague asked a question.',
  'The timing made it worse.',
  'Looking back, the signs were clear.',
  'I felt embarrassed, then curious.',
  'The fix itself was quick; finding it was not.',
  'Three people lost an afternoon to it.',
  'I had done the same thing once before.',
  'The documentation did not match reality.',
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** Text of varied length: mostly a sentence or two, sometimes a long paragraph. */
function answerText(rand: () => number, lead: readonly string[]): string {
  const roll = rand();
  const extra =
    roll < 0.55 ? 0 : roll < 0.85 ? 1 + Math.floor(rand() * 3) : 4 + Math.floor(rand() * 20);
  const parts = [pick(rand, lead)];
  for (let i = 0; i < extra; i++) parts.push(pick(rand, DETAIL));
  return parts.join(' ');
}

function textFor(rand: () => number, key: string): string {
  if (key === 'happened')
    return answerText(
      rand,
      SUBJECTS.map((s) => `${s} ${pick(rand, EVENTS)}.`),
    );
  if (key === 'nextTime') return answerText(rand, NEXT);
  return answerText(rand, LESSONS);
}

/** A UUID v4 shaped id drawn from the PRNG, so ids are deterministic too. */
function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(rand() * 4) + 8) as number).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const TEMPLATE_WEIGHTS: ReadonlyArray<[TemplateId, number]> = [
  ['quick', 0.55],
  ['one', 0.15],
  ['aar', 0.1],
  ['postmortem', 0.08],
  ['gibbs', 0.07],
  ['ssc', 0.05],
];

function weightedTemplate(rand: () => number): TemplateId {
  let roll = rand();
  for (const [id, weight] of TEMPLATE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return id;
  }
  return 'quick';
}

/** The input a person might have typed: what `validateReflection` checks. */
export function generateInput(rand: () => number, index: number): ReflectionInput {
  // Every template and trigger appears within the first few records, then at their weights.
  const template =
    index < TEMPLATE_IDS.length ? (TEMPLATE_IDS[index] as TemplateId) : weightedTemplate(rand);
  const trigger: Trigger =
    index < TRIGGERS.length
      ? (TRIGGERS[index] as Trigger)
      : rand() < 0.6
        ? 'manual'
        : pick(rand, TRIGGERS);
  const prompt = template === 'one' ? pick(rand, ONE_QUESTION_POOL).label : undefined;
  const answers: Record<string, string> = {};
  questionsFor(template, prompt).forEach((question, i) => {
    // Later questions are sometimes left blank, as people do.
    if (i === 0 || rand() < 0.8) answers[question.key] = textFor(rand, question.key);
  });
  // Skewed tag use: a few tags are everywhere, most are rare.
  const tagCount = Math.floor(rand() * rand() * 6);
  const tags = Array.from(
    { length: tagCount },
    () => TAGS[Math.floor(rand() ** 2 * TAGS.length)] as string,
  );
  const sting = rand() < 0.3 ? null : ((1 + Math.floor(rand() * 5)) as Sting);
  const context =
    trigger === 'site' ||
    trigger === 'navigation-error' ||
    trigger === 'context-menu' ||
    rand() < 0.1
      ? {
          title: `${pick(rand, ['Build #', 'Incident ', 'PR #', 'Ticket '])}${Math.floor(rand() * 9000) + 100}`,
          url: `https://work.example/${pick(rand, ['ci', 'pulls', 'incidents', 'tickets'])}/${Math.floor(rand() * 1e5)}`,
          ...(rand() < 0.3 ? { selection: pick(rand, EVENTS) } : {}),
        }
      : null;
  return { template, ...(prompt ? { prompt } : {}), answers, tags, sting, trigger, context };
}

function followUps(rand: () => number, createdAt: number, now: number): FollowUp[] {
  if (rand() < 0.5) return [];
  return [1, 7, 30].map((days) => {
    const dueAt = createdAt + days * DAY;
    const answered = dueAt < now && rand() < 0.7;
    return {
      dueAt,
      answeredAt: answered ? dueAt + Math.floor(rand() * DAY) : null,
      outcome: answered ? pick(rand, ['applied', 'partly', 'not-yet'] as const) : null,
      note: answered && rand() < 0.3 ? pick(rand, LESSONS) : '',
    };
  });
}

/**
 * `count` realistic reflections, the same every time for the same `seed`: dates over the five
 * years before `now`, all templates and triggers, varied lengths, some pinned, edited, shared,
 * followed up, and a few soft-deleted.
 */
export function generateReflections(
  count: number,
  options: { seed?: number; now?: number } = {},
): Reflection[] {
  const rand = prng(options.seed ?? 1);
  const now = options.now ?? SEED_NOW;
  const records: Reflection[] = [];
  for (let i = 0; i < count; i++) {
    const input = generateInput(rand, i);
    const createdAt = now - Math.floor(rand() * FIVE_YEARS);
    const reflection = createReflection(input, uuid(rand), createdAt);
    const edited =
      rand() < 0.1 ? Math.min(now, createdAt + Math.floor(rand() * 30 * DAY)) : createdAt;
    const seen = rand() < 0.3 ? 1 + Math.floor(rand() * 4) : 0;
    records.push({
      ...reflection,
      updatedAt: edited,
      followUps: followUps(rand, createdAt, now),
      share:
        rand() < 0.1
          ? {
              affected: pick(rand, ['the team', 'Sam', 'support', 'my manager']),
              told: rand() < 0.6,
              toldAt: null,
            }
          : null,
      pinned: rand() < 0.03,
      review: seen
        ? { count: seen, nextDueAt: createdAt + 7 * DAY * 2 ** seen, retired: seen >= 4 }
        : firstReview(createdAt),
      deletedAt: rand() < 0.005 ? edited : null,
    });
  }
  return records;
}

/** The input a stored reflection came from, for checking it as the popup would. */
export function inputOf(reflection: Reflection): ReflectionInput {
  const { template, prompt, answers, tags, sting, trigger, context } = reflection;
  return { template, ...(prompt ? { prompt } : {}), answers, tags, sting, trigger, context };
}

/**
 * Store `records` in the extension's database from an extension `page`, `batchSize` per
 * transaction. The app must have created the database already (open any of its pages first):
 * this writer never creates or upgrades it.
 */
export async function writeReflections(
  page: Page,
  records: readonly Reflection[],
  batchSize = 5_000,
): Promise<void> {
  for (let start = 0; start < records.length; start += batchSize) {
    // A JSON string crosses to the page about four times faster than the same objects.
    const json = JSON.stringify(records.slice(start, start + batchSize).map(toStoredRow));
    await page.evaluate(
      (batch) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('fail-well');
          open.onupgradeneeded = () => {
            open.transaction?.abort();
            reject(
              new Error('The fail-well database does not exist yet: open an extension page first.'),
            );
          };
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('reflections', 'readwrite');
            const store = tx.objectStore('reflections');
            for (const record of JSON.parse(batch) as unknown[]) store.put(record);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      json,
    );
  }
}

/** A hand-made record as the app would store it (one without follow-ups has no key to add). */
function asStoredRow(record: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(record.followUps)) return record;
  return toStoredRow(record as unknown as Reflection) as unknown as Record<string, unknown>;
}

/** Write `count` synthetic reflections (plus `extra` hand-made ones); the page must have opened the database. */
export async function seedReflections(
  page: Page,
  count: number,
  now: number,
  extra: readonly Record<string, unknown>[] = [],
): Promise<void> {
  // Passed as source text: the generator runs in the page, so 100,000 records never cross
  // the DevTools protocol. (DevTools evaluation is not subject to the page's CSP.) Synthetic
  // records have no follow-ups, so they are stored rows as generated.
  await page.evaluate(`(async () => {
    const generate = ${syntheticReflections.toString()};
    const extra = ${JSON.stringify(extra.map(asStoredRow))};
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('fail-well');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const write = (records) => new Promise((resolve, reject) => {
      const tx = db.transaction('reflections', 'readwrite');
      for (const r of records) tx.objectStore('reflections').put(r);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    for (let from = 0; from < ${count}; from += 5000) {
      await write(generate(from, Math.min(5000, ${count} - from), ${now}));
    }
    await write(extra);
    db.close();
    new BroadcastChannel('fail-well:reflections').postMessage({ type: 'bulk' });
  })()`);
}

/** A hand-made reflection for tests that look for particular words. */
export function reflection(
  id: string,
  createdAt: number,
  fields: { learned: string; happened?: string; tags?: string[]; sting?: number | null },
): Record<string, unknown> {
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    template: 'quick',
    answers: {
      happened: fields.happened ?? 'Something did not go to plan.',
      learned: fields.learned,
      nextTime: 'Try the small change.',
    },
    tags: fields.tags ?? [],
    sting: fields.sting ?? null,
    trigger: 'manual',
    context: null,
    followUps: [],
    share: null,
    pinned: false,
    review: { count: 0, nextDueAt: createdAt + 7 * 86_400_000, retired: false },
    deletedAt: null,
  };
}

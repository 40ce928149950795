/**
 * Deterministic synthetic reflections for benchmarks and end-to-end seeding. Self-contained
 * (no imports, no closures) so Playwright can run it inside an extension page as is.
 */

/** Plain JSON reflections numbered `from`..`from+count-1`, newest first from `now`. */
export function syntheticReflections(from: number, count: number, now: number) {
  let seed = 0x9e3779b9 ^ from;
  const random = () => {
    // mulberry32: tiny, fast and the same on every machine.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const common = (
    'the a i we it to of and in on for with was my our not but that this when then so ' +
    'review deploy release meeting test build migration backup estimate deadline standup ' +
    'email customer bug incident rollback config staging production ticket scope rushed ' +
    'asked checked forgot missed assumed skipped waited explained listened paired broke ' +
    'team manager colleague client design plan notes branch query cache timeout alert'
  ).split(' ');
  const syllables =
    'ka lo mi ne ru sa ti vo pe da ge hu ji ko lu ma no pi qu re so tu ve wa xi yo ze'.split(' ');
  // A long tail of rarer words, like real writing, so the vocabulary grows with the data.
  const rare = (n: number) => {
    let word = '';
    for (let i = 0; i < 2 + (n % 3); i++)
      word += syllables[(n * (i + 7) + i * 13) % syllables.length];
    return word;
  };
  const sentence = (min: number, max: number) => {
    const length = min + Math.floor(random() * (max - min));
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      words.push(random() < 0.8 ? pick(common) : rare(Math.floor(random() * 20000)));
    }
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const tags = (
    'code-review meetings deploys estimates communication testing focus planning ' +
    'on-call documentation mentoring rushed feedback databases ops security hiring ' +
    'scope priorities handover'
  ).split(' ');
  const triggers = ['manual', 'manual', 'schedule', 'idle', 'startup', 'site', 'follow-up'];
  const templates = ['quick', 'quick', 'quick', 'aar', 'gibbs', 'postmortem', 'ssc', 'one'];
  const DAY = 86_400_000;
  const out = [];
  for (let n = from; n < from + count; n++) {
    // About 30 a day at 100,000: spread evenly over the past, with jitter inside the slot.
    const createdAt = Math.round(now - n * 2_880_000 - random() * 2_000_000);
    const template = pick(templates);
    const answers: Record<string, string> = {
      happened: sentence(8, 30),
      learned: sentence(6, 20),
      nextTime: sentence(5, 15),
    };
    const tagCount = Math.floor(random() * 4);
    const chosen: string[] = [];
    for (let i = 0; i < tagCount; i++) {
      const tag = pick(tags);
      if (!chosen.includes(tag)) chosen.push(tag);
    }
    const hex = n.toString(16).padStart(12, '0');
    out.push({
      id: `00000000-0000-4000-8000-${hex}`,
      createdAt,
      updatedAt: createdAt,
      template,
      answers,
      tags: chosen,
      sting: random() < 0.2 ? null : 1 + Math.floor(random() * 5),
      trigger: pick(triggers),
      context: null,
      followUps: [],
      share: null,
      pinned: random() < 0.01,
      review: { count: 0, nextDueAt: createdAt + 7 * DAY, retired: false },
      deletedAt: null,
    });
  }
  return out;
}

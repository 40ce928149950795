/** Reflections for tests: every field filled, including the awkward text people really type. */
import { createReflection, type Reflection } from '../../utils/reflections/reflection';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';

export const HOSTILE_TEXT = [
  '<img src=x onerror="alert(1)"><script>alert(2)</script>',
  'مرحبا بالعالم — שלום — RTL mixed with LTR',
  'Emoji 🙈🔥👩🏽‍💻 and a ZWJ family 👨‍👩‍👧',
  'Commas, "quotes", and\nnew lines\r\nwith CRLF',
  '=HYPERLINK("http://evil.example","click")',
  '  leading and trailing spaces  ',
  'Back\\slash and <angle> & ampersand',
];

/** A reflection with every optional part present; `n` varies ids and dates. */
export function richReflection(n: number, over: Partial<Reflection> = {}): Reflection {
  const base = createReflection(
    {
      template: n % 2 === 0 ? 'gibbs' : 'quick',
      answers: {
        happened: `${HOSTILE_TEXT[n % HOSTILE_TEXT.length]} #${n}`,
        learned: `Lesson ${n}: ask earlier`,
        nextTime: `Next time ${n}`,
        ...(n % 2 === 0 ? { feelings: 'Uneasy, then relieved' } : {}),
      },
      tags: ['ops', `t${n % 5}`],
      sting: ((n % 5) + 1) as 1 | 2 | 3 | 4 | 5,
      trigger: 'manual',
      context: { title: `Build #${n}`, url: `https://ci.example/${n}`, selection: 'failed step' },
    },
    `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    1_700_000_000_000 + n * 3_600_000,
  );
  return {
    ...base,
    updatedAt: base.createdAt + 60_000,
    followUps: [{ dueAt: base.createdAt + 86_400_000, answeredAt: null, outcome: null, note: '' }],
    share: { affected: 'The on-call team', told: n % 3 === 0, toldAt: null },
    pinned: n % 4 === 0,
    ...over,
  };
}

export const SETTINGS = { ...DEFAULT_SETTINGS, theme: 'dark' as const };

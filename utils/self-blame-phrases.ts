/**
 * Self-blame phrases and the kinder suggestion for each kind. Data only, in one place, so
 * it can be translated. A phrase matches whole words, case-insensitively; "'" also matches
 * the typographic apostrophe and a space matches any run of whitespace.
 */

export type BlameKind = 'label' | 'absolute' | 'blame';

export interface BlamePhrases {
  kind: BlameKind;
  /** Shown as the gentle suggestion when a phrase of this kind is used. */
  suggestion: string;
  phrases: readonly string[];
  /** Answers where these phrases are fine (a plan for next time may well say "never"). */
  exceptIn?: readonly string[];
}

export const SELF_BLAME_PHRASES: readonly BlamePhrases[] = [
  {
    kind: 'label',
    suggestion:
      'That sounds harsh on yourself. Try describing what happened instead of judging who you are — “I missed a step” rather than “I’m stupid”.',
    phrases: [
      "I'm so stupid",
      'I am so stupid',
      "I'm stupid",
      'I am stupid',
      "I'm an idiot",
      'I am an idiot',
      "I'm such an idiot",
      "I'm useless",
      'I am useless',
      "I'm hopeless",
      "I'm a failure",
      "I'm such a failure",
      'I am a failure',
      "I'm the worst",
      "I'm terrible at",
      "I can't do anything right",
      "what's wrong with me",
      'I should have known better',
    ],
  },
  {
    kind: 'absolute',
    suggestion:
      '“Always” and “never” are rarely the whole story. What happened this time, and what made it likely?',
    phrases: ['I always', 'I never'],
    exceptIn: ['nextTime'],
  },
  {
    kind: 'blame',
    suggestion:
      'Owning it is good; blaming yourself isn’t needed. What part was yours, and what part was the situation?',
    phrases: ['my fault', 'all my fault', 'entirely my fault', "it's on me"],
  },
];

/**
 * Which strings the background worker ships as its fallback catalogue (see `ensureMessages`
 * in i18n.ts): a worker cannot lazy-load chunks, so it carries its own strings only, not both
 * complete catalogues. Nudge and menu wording is included by prefix, so new notification
 * strings (`nudgeFollowUp…`, `nudgeBackup…`) need no entry here; anything else a module
 * reachable from the worker can show is listed below. tests/utils/worker-messages.test.ts
 * fails when such a module uses a key this does not cover.
 */
import type { Catalogue } from './message-format';

/** `nudge…` and `menu…` keys: notification, badge and context-menu wording. Not `nudges…` (the settings section). */
const WORKER_PREFIX = /^(?:nudge|menu)[A-Z0-9]/;

/** Keys outside the prefixes that modules imported by the worker can put in front of the user. */
export const WORKER_MESSAGE_KEYS: readonly string[] = [
  'extName',
  // i18n.ts: the catalogue's own language, for Intl (dates in a notification).
  'uiLocale',
  // reflection.ts and db.ts: validation and storage errors.
  'errorAnswerTooLongOne',
  'errorAnswerTooLongOther',
  'errorEmpty',
  'errorTooManyTags',
  'errorTagTooLong',
  'errorSting',
  'dbErrorQuota',
  'dbErrorWrite',
  'dbErrorUnavailable',
  'dbErrorOther',
  'dbErrorUpdated',
  'dbErrorCannotOpen',
  // nudge-permissions.ts: why an opt-in trigger stays off.
  'nudgesRefusedSite',
  'nudgesRefusedNavigation',
  'nudgesRefusedDownloads',
  // templates.ts: template names and questions (a staged draft names its template).
  'templateQuickName',
  'templateQuickHint',
  'templateAarName',
  'templateAarHint',
  'templateGibbsName',
  'templateGibbsHint',
  'templatePostmortemName',
  'templatePostmortemHint',
  'templateSscName',
  'templateSscHint',
  'templateOneName',
  'templateOneHint',
  'qHappened',
  'qHappenedPlaceholder',
  'qLearned',
  'qNextTime',
  'qExpected',
  'qActuallyHappened',
  'qWhyDifferent',
  'qFeelings',
  'qEvaluation',
  'qAnalysis',
  'qDoneDifferently',
  'qImpact',
  'qWentWell',
  'qWentWrong',
  'qLucky',
  'qStart',
  'qStop',
  'qContinue',
  'qOne1',
  'qOne2',
  'qOne3',
  'qOne4',
  'qOne5',
];

const listed = new Set(WORKER_MESSAGE_KEYS);

/** Whether the worker's fallback catalogue carries `key`. */
export function isWorkerMessage(key: string): boolean {
  return WORKER_PREFIX.test(key) || listed.has(key);
}

/** The worker's share of a catalogue: its keys only, without the translators' descriptions. */
export function workerCatalogue(catalogue: Catalogue): Catalogue {
  const out: Catalogue = {};
  for (const [key, { message, placeholders }] of Object.entries(catalogue)) {
    if (isWorkerMessage(key)) out[key] = placeholders ? { message, placeholders } : { message };
  }
  return out;
}

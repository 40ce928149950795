/**
 * Editing own templates, pure: a copy of a built-in, validation with plain and kind messages,
 * the limits' messages, reordering, and adding, replacing, merging and removing templates in
 * the stored preferences. Only the options page needs it (the popup only reads templates).
 */
import { formatNumber, t } from '../i18n/i18n';
import {
  newId,
  type OwnQuestion,
  type OwnTemplate,
  oneLine,
  QUESTION_ROLES,
  type QuestionRole,
  TEMPLATE_LIMITS,
  type TemplatePrefs,
} from './own-templates';
import {
  type CanonicalKey,
  type OwnTemplateId,
  type TEMPLATE_IDS,
  TEMPLATES,
  type TemplateId,
} from './templates';

/** A copy of a built-in template to edit, in the UI language, with fresh ids. */
export function duplicateBuiltIn(
  id: (typeof TEMPLATE_IDS)[number],
  random: () => number,
): OwnTemplate {
  const source = TEMPLATES[id];
  return {
    id: newId('own-', random) as OwnTemplateId,
    name: t('templateCopyName', t(source.name)).slice(0, TEMPLATE_LIMITS.nameChars),
    questions: source.questions.map((q) => ({
      id: newId('q', random),
      role: QUESTION_ROLES.find((role) => role === q.key) ?? 'extra',
      text: t(q.label).slice(0, TEMPLATE_LIMITS.questionChars),
      hint: q.placeholder ? t(q.placeholder).slice(0, TEMPLATE_LIMITS.hintChars) : '',
    })),
  };
}

/** What is wrong with a template, field by field; null when it can be saved. */
export interface TemplateErrors {
  name?: string;
  /** The whole template (no questions, too many). */
  form?: string;
  /** Per question id. */
  questions: Record<string, string>;
}

const ROLE_NAMES: Record<CanonicalKey, Parameters<typeof t>[0]> = {
  happened: 'templateRoleHappened',
  learned: 'templateRoleLearned',
  nextTime: 'templateRoleNextTime',
};

/** Validate a template as edited; messages are plain and kind, and name the question. */
export function validateTemplate(template: OwnTemplate): TemplateErrors | null {
  const errors: TemplateErrors = { questions: {} };
  let bad = false;
  const name = template.name.trim();
  if (!name) {
    errors.name = t('templateErrorNoName');
    bad = true;
  } else if (name.length > TEMPLATE_LIMITS.nameChars) {
    errors.name = t('templateErrorNameLong', formatNumber(TEMPLATE_LIMITS.nameChars));
    bad = true;
  }
  const count = template.questions.length;
  if (count === 0) {
    errors.form = t('templateErrorNoQuestions');
    bad = true;
  } else if (count > TEMPLATE_LIMITS.questions) {
    errors.form = t(
      'templateErrorTooManyQuestions',
      formatNumber(TEMPLATE_LIMITS.questions),
      formatNumber(count - TEMPLATE_LIMITS.questions),
    );
    bad = true;
  }
  const roles = new Set<QuestionRole>();
  template.questions.forEach((q, i) => {
    const text = q.text.trim();
    let message: string | undefined;
    if (!text) message = t('templateErrorQuestionEmpty', formatNumber(i + 1));
    else if (text.length > TEMPLATE_LIMITS.questionChars)
      message = t(
        'templateErrorQuestionLong',
        formatNumber(i + 1),
        formatNumber(text.length - TEMPLATE_LIMITS.questionChars),
        formatNumber(TEMPLATE_LIMITS.questionChars),
      );
    else if (q.hint.length > TEMPLATE_LIMITS.hintChars)
      message = t(
        'templateErrorHintLong',
        formatNumber(i + 1),
        formatNumber(TEMPLATE_LIMITS.hintChars),
      );
    else if (q.role !== 'extra' && roles.has(q.role))
      message = t('templateErrorRoleTwice', formatNumber(i + 1), t(ROLE_NAMES[q.role]));
    if (q.role !== 'extra') roles.add(q.role);
    if (message) {
      errors.questions[q.id] = message;
      bad = true;
    }
  });
  return bad ? errors : null;
}

/** Whether one more own template fits; the message to show when it does not. */
export function roomForTemplate(prefs: TemplatePrefs): string | null {
  return prefs.own.length >= TEMPLATE_LIMITS.templates
    ? t('templateErrorTooMany', formatNumber(TEMPLATE_LIMITS.templates))
    : null;
}

/** Whether one more question fits; the message to show when it does not. */
export function roomForQuestion(template: OwnTemplate): string | null {
  return template.questions.length >= TEMPLATE_LIMITS.questions
    ? t('templateErrorQuestionsFull', formatNumber(TEMPLATE_LIMITS.questions))
    : null;
}

/** A template as saved: words trimmed to one line each (validated first). */
export function tidyTemplate(template: OwnTemplate): OwnTemplate {
  return {
    ...template,
    name: oneLine(template.name, TEMPLATE_LIMITS.nameChars),
    questions: template.questions.map((q) => ({
      ...q,
      text: oneLine(q.text, TEMPLATE_LIMITS.questionChars),
      hint: oneLine(q.hint, TEMPLATE_LIMITS.hintChars),
    })),
  };
}

/** Move the question at `index` by `by` places (−1 up, +1 down); out of range: unchanged. */
export function moveQuestion(template: OwnTemplate, index: number, by: -1 | 1): OwnTemplate {
  const to = index + by;
  if (index < 0 || to < 0 || to >= template.questions.length) return template;
  const questions = [...template.questions];
  const [moved] = questions.splice(index, 1);
  questions.splice(to, 0, moved as OwnQuestion);
  return { ...template, questions };
}

/** The preferences with `template` saved (added or replaced in place). */
export function withTemplate(prefs: TemplatePrefs, template: OwnTemplate): TemplatePrefs {
  const at = prefs.own.findIndex((o) => o.id === template.id);
  const own =
    at < 0 ? [...prefs.own, template] : prefs.own.map((o, i) => (i === at ? template : o));
  return { ...prefs, own };
}

/**
 * The preferences after a journal import: the file's own templates join the ones here (the
 * file's copy wins for the same id, as a restore should), up to the limit; with `andDefaults`
 * (settings imported too) its hidden built-ins and per-trigger defaults replace these.
 */
export function mergeTemplatePrefs(
  current: TemplatePrefs,
  imported: TemplatePrefs,
  andDefaults: boolean,
): TemplatePrefs {
  let merged = current;
  for (const template of imported.own) {
    const known = merged.own.some((o) => o.id === template.id);
    if (known || merged.own.length < TEMPLATE_LIMITS.templates)
      merged = withTemplate(merged, template);
  }
  return andDefaults
    ? { ...merged, hidden: imported.hidden, byTrigger: { ...imported.byTrigger } }
    : merged;
}

/** The preferences without own template `id`; defaults that named it fall back. */
export function withoutTemplate(prefs: TemplatePrefs, id: TemplateId): TemplatePrefs {
  const byTrigger = Object.fromEntries(
    Object.entries(prefs.byTrigger).filter(([, chosen]) => chosen !== id),
  );
  return { ...prefs, own: prefs.own.filter((o) => o.id !== id), byTrigger };
}

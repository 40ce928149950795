/**
 * One own template as a small JSON file, so a team can share its format: written by
 * `templateFile`, read back by `readTemplateFile`, which checks it as strictly as a journal
 * import (utils/data/import.ts) and says in plain words what is wrong. Pure.
 */
import { findForbiddenKey } from '../data/import-guard';
import { formatNumber, t } from '../i18n/i18n';
import { tidyTemplate, validateTemplate } from './own-template-edits';
import {
  newId,
  type OwnTemplate,
  QUESTION_ROLES,
  type QuestionRole,
  TEMPLATE_LIMITS,
} from './own-templates';
import type { OwnTemplateId } from './templates';

export const TEMPLATE_FILE_FORMAT = 'fail-well-template';
export const TEMPLATE_FILE_VERSION = 1;
/** A template file is a few kilobytes at most; anything far larger is not one. */
export const MAX_TEMPLATE_FILE_BYTES = 64 * 1024;

/** The file's text for one template; ids stay out (an import gets fresh ones). */
export function templateFile(template: OwnTemplate): string {
  const body = {
    format: TEMPLATE_FILE_FORMAT,
    version: TEMPLATE_FILE_VERSION,
    name: template.name,
    questions: template.questions.map(({ role, text, hint }) => ({ role, text, hint })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** A file name for the template: its name in plain letters, digits and hyphens. */
export function templateFileName(template: OwnTemplate): string {
  const slug = template.name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 40);
  return `fail-well-template-${slug || 'own'}.json`;
}

export type TemplateFileResult =
  | { ok: true; template: OwnTemplate }
  | { ok: false; message: string };

const fail = (message: string): TemplateFileResult => ({ ok: false, message });

/**
 * The template a file holds, with fresh ids, or the first thing wrong with it. Nothing is
 * repaired silently: a file that is not exactly a template is refused, whole.
 */
export function readTemplateFile(text: string, random: () => number): TemplateFileResult {
  if (text.length > MAX_TEMPLATE_FILE_BYTES) return fail(t('templateFileTooLarge'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail(t('templateFileNotJson'));
  }
  const forbidden = findForbiddenKey(parsed);
  if (forbidden) return fail(t('templateFileForbidden', forbidden));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return fail(t('templateFileNotOurs'));
  const file = parsed as Record<string, unknown>;
  if (file.format !== TEMPLATE_FILE_FORMAT) return fail(t('templateFileNotOurs'));
  if (file.version !== TEMPLATE_FILE_VERSION)
    return fail(t('templateFileVersion', String(file.version).slice(0, 20)));
  if (typeof file.name !== 'string') return fail(t('templateFileField', 'name'));
  if (!Array.isArray(file.questions)) return fail(t('templateFileField', 'questions'));
  if (file.questions.length > TEMPLATE_LIMITS.questions)
    return fail(
      t(
        'templateErrorTooManyQuestions',
        formatNumber(TEMPLATE_LIMITS.questions),
        formatNumber(file.questions.length - TEMPLATE_LIMITS.questions),
      ),
    );
  const questions: OwnTemplate['questions'] = [];
  for (const [i, raw] of file.questions.entries()) {
    const where = `questions[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return fail(t('templateFileField', where));
    const q = raw as Record<string, unknown>;
    const extra = Object.keys(q).find((key) => !['role', 'text', 'hint'].includes(key));
    if (extra) return fail(t('templateFileUnknown', `${where}.${extra}`));
    if (!QUESTION_ROLES.includes(q.role as QuestionRole))
      return fail(t('templateFileRole', `${where}.role`, QUESTION_ROLES.join(', ')));
    if (typeof q.text !== 'string') return fail(t('templateFileField', `${where}.text`));
    if (q.hint !== undefined && typeof q.hint !== 'string')
      return fail(t('templateFileField', `${where}.hint`));
    questions.push({
      id: newId('q', random),
      role: q.role as QuestionRole,
      text: q.text,
      hint: (q.hint as string | undefined) ?? '',
    });
  }
  const extra = Object.keys(file).find(
    (key) => !['format', 'version', 'name', 'questions'].includes(key),
  );
  if (extra) return fail(t('templateFileUnknown', extra));
  const template: OwnTemplate = {
    id: newId('own-', random) as OwnTemplateId,
    name: file.name,
    questions,
  };
  const errors = validateTemplate(template);
  if (errors) {
    const first = errors.name ?? errors.form ?? Object.values(errors.questions)[0] ?? '';
    return fail(t('templateFileInvalid', first));
  }
  return { ok: true, template: tidyTemplate(template) };
}

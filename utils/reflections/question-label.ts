/**
 * The words a page shows for a reflection's template and questions: the snapshot of an own
 * template the reflection keeps (`Reflection.wording`) first, then the templates. Apart from
 * templates.ts so the popup's start-up chunk does not carry what only review pages show.
 */
import { t } from '../i18n/i18n';
import {
  questionsFor,
  TEMPLATE_IDS,
  TEMPLATES,
  type TemplateId,
  templateOf,
  type Wording,
} from './templates';

/** The name of a reflection's template: the snapshot's, else the template's. */
export function templateName(template: TemplateId, wording?: Wording): string {
  return wording?.name ?? t(templateOf(template).name);
}

/**
 * The wording of an answer key: the words it was answered with (`wording`), then the
 * template's own question, then any template's (an answer typed before switching templates
 * is kept), then the key itself.
 */
export function questionLabel(
  template: TemplateId,
  key: string,
  prompt?: string,
  wording?: Wording,
): string {
  const kept = wording?.questions.find((q) => q.key === key);
  if (kept) return kept.label;
  const everywhere = [
    ...questionsFor(template, prompt),
    ...TEMPLATE_IDS.flatMap((id) => TEMPLATES[id].questions),
  ];
  const question = everywhere.find((q) => q.key === key);
  return question ? t(question.label) : key;
}

/**
 * Own templates: a person's (or a team's) own questions, their shape and limits, the parse
 * every read goes through, the default template per trigger, and what a page shows for them.
 * Pure: editing them is own-template-edits.ts, storage own-templates-store.ts, the file format
 * template-file.ts. The popup loads this file: it holds only what reading needs.
 *
 * Each question has a role: one of the canonical answer keys (`happened`, `learned`,
 * `nextTime`), so search, sharing, follow-through and the applied rate work with it, or an
 * extra with an answer key of its own.
 */
import { isRecord, ownRecord } from '../core/parse';
import { isTrigger, type Trigger } from './reflection';
import {
  type CanonicalKey,
  isTemplateId,
  type OwnTemplateId,
  TEMPLATE_IDS,
  type Template,
  type TemplateId,
} from './templates';

export const TEMPLATE_LIMITS = {
  templates: 30,
  questions: 12,
  questionChars: 200,
  hintChars: 120,
  nameChars: 60,
} as const;

export type QuestionRole = CanonicalKey | 'extra';
// Spelled out, not built from CANONICAL_KEYS: importing that would carry it into the popup's
// start-up chunk.
export const QUESTION_ROLES: readonly QuestionRole[] = ['happened', 'learned', 'nextTime', 'extra'];

export interface OwnQuestion {
  /** Stable across rewording and reordering; the answer key of an extra question. */
  id: string;
  role: QuestionRole;
  text: string;
  /** One line shown inside the empty answer box. */
  hint: string;
}

export interface OwnTemplate {
  id: OwnTemplateId;
  name: string;
  questions: OwnQuestion[];
}

/** Everything stored about templates: own ones, hidden built-ins, the default per trigger. */
export interface TemplatePrefs {
  own: OwnTemplate[];
  hidden: TemplateId[];
  byTrigger: Partial<Record<Trigger, TemplateId>>;
}

export const EMPTY_TEMPLATE_PREFS: TemplatePrefs = { own: [], hidden: [], byTrigger: {} };

const QUESTION_ID = /^q[a-z0-9]{1,24}$/;

/** The answer key a question's answers are stored under. */
export function answerKey(question: Pick<OwnQuestion, 'id' | 'role'>): string {
  return question.role === 'extra' ? question.id : question.role;
}

/** A fresh id for a question or (with `own-`) a template, from `random` (0 ≤ x < 1). */
export function newId(prefix: 'q' | 'own-', random: () => number): string {
  let id = '';
  for (let i = 0; i < 10; i++) id += Math.floor(random() * 36).toString(36);
  return prefix + id;
}

/** Whitespace folded to single spaces, trimmed, cut at `max`; non-text gives ''. */
export const oneLine = (value: unknown, max: number) =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, max) : '';

/** One stored question made safe, or null when nothing of it can be used. */
function parseQuestion(raw: unknown): OwnQuestion | null {
  const input = ownRecord(raw);
  const text = oneLine(input.text, TEMPLATE_LIMITS.questionChars);
  if (!text || typeof input.id !== 'string' || !QUESTION_ID.test(input.id)) return null;
  const role = QUESTION_ROLES.find((r) => r === input.role) ?? 'extra';
  return { id: input.id, role, text, hint: oneLine(input.hint, TEMPLATE_LIMITS.hintChars) };
}

/** One stored template made safe: one question per role at most, within the limits. */
function parseOwnTemplate(raw: unknown): OwnTemplate | null {
  const input = ownRecord(raw);
  const name = oneLine(input.name, TEMPLATE_LIMITS.nameChars);
  if (!isOwnTemplateId(input.id) || !name) return null;
  const questions: OwnQuestion[] = [];
  const seen = new Set<string>();
  for (const item of Array.isArray(input.questions) ? input.questions : []) {
    const question = parseQuestion(item);
    if (!question || seen.has(question.id)) continue;
    // A second question claiming a role would overwrite the first one's answer: an extra.
    const role = question.role !== 'extra' && seen.has(question.role) ? 'extra' : question.role;
    seen.add(question.id).add(role);
    questions.push({ ...question, role });
  }
  if (questions.length === 0) return null;
  return { id: input.id, name, questions: questions.slice(0, TEMPLATE_LIMITS.questions) };
}

/** Whether a value is an own template's id. */
export function isOwnTemplateId(value: unknown): value is OwnTemplateId {
  return isTemplateId(value) && value.startsWith('own-');
}

/**
 * The stored template preferences made safe (read by every page, and on a journal import):
 * broken entries are dropped, never the rest; a default naming a template that is gone is
 * dropped too (the trigger falls back to the popup's default).
 */
export function parseTemplates(raw: unknown): TemplatePrefs {
  if (!isRecord(raw)) return EMPTY_TEMPLATE_PREFS;
  const input = ownRecord(raw);
  const own: OwnTemplate[] = [];
  for (const item of Array.isArray(input.own) ? input.own : []) {
    const template = parseOwnTemplate(item);
    if (template && !own.some((o) => o.id === template.id)) own.push(template);
  }
  own.splice(TEMPLATE_LIMITS.templates);
  const known = (id: unknown): id is TemplateId =>
    (TEMPLATE_IDS as readonly unknown[]).includes(id) || own.some((o) => o.id === id);
  const hidden = (Array.isArray(input.hidden) ? input.hidden : []).filter(
    (id, i, all): id is TemplateId =>
      (TEMPLATE_IDS as readonly unknown[]).includes(id) && all.indexOf(id) === i,
  );
  const byTrigger: Partial<Record<Trigger, TemplateId>> = {};
  for (const [trigger, id] of Object.entries(ownRecord(input.byTrigger))) {
    if (isTrigger(trigger) && known(id)) byTrigger[trigger] = id;
  }
  return { own, hidden, byTrigger };
}

/**
 * The template a reflection prompted by `trigger` starts with: the one chosen for the
 * trigger, else the popup's default (`fallback`).
 */
export function templateForTrigger(
  prefs: TemplatePrefs,
  trigger: Trigger,
  fallback: TemplateId,
): TemplateId {
  return prefs.byTrigger[trigger] ?? fallback;
}

/**
 * An own template as the pages show it: its words stand where a built-in has message keys
 * (`t` gives unknown keys back as they are), and each question's hint is its placeholder.
 */
export function ownAsTemplate(template: OwnTemplate): Template {
  // The casts are the point: see `Template` in templates.ts.
  type Key = Template['name'];
  return {
    id: template.id,
    name: template.name as Key,
    hint: '' as Key,
    questions: template.questions.map((q) => ({
      key: answerKey(q),
      label: q.text as Key,
      ...(q.hint ? { placeholder: q.hint as Key } : {}),
    })),
  };
}

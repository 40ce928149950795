/**
 * Markdown notes (Obsidian and Logseq daily notes, or any folder of .md files), pure. A
 * note's date comes from its front matter (`date:`), a Logseq property (`date::`) or its
 * file name (2024-03-05.md, Logseq's 2024_03_05.md); its tags from `tags:` the same ways.
 * Headings that ask the journal's questions, in English or German ("What happened", "Was
 * habe ich gelernt", "Next time"), fill those answers; a note without them goes whole to
 * "what happened".
 */
import type { CanonicalKey } from '../../reflections/templates';
import { readDate, readInstant } from './dates';
import { type ImportPlan, PlanBuilder } from './plan';
import type { NamedText } from './zip';

/** Whether a path names a Markdown note. */
export function isNotePath(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/**
 * Heading words for each question, lower-case, without punctuation. Regular expressions, not
 * strings: they are data to match, and stay whole words with their optional parts.
 */
const HEADINGS: ReadonlyArray<readonly [CanonicalKey, RegExp]> = [
  [
    'happened',
    /^(what (has )?happened|happened|what went on|was ist passiert|was passiert ist|was war los|was geschah|passiert)$/,
  ],
  [
    'learned',
    /^(what (did )?i (have )?learn(ed|t)?|what i learn(ed|t)|learn(ed|t)|lessons?( learn(ed|t))?|was habe ich gelernt|was ich gelernt habe|gelernt|erkenntnis(se)?|lektion(en)?)$/,
  ],
  [
    'nextTime',
    /^(what will i do next time|what i will do next time|next time|nächstes mal|das nächste mal|beim nächsten mal|was mache ich beim nächsten mal( anders)?|was werde ich beim nächsten mal (tun|anders machen))$/,
  ],
];

/** The question a heading asks, or null. */
export function questionOf(heading: string): CanonicalKey | null {
  const words = heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return HEADINGS.find(([, pattern]) => pattern.test(words))?.[0] ?? null;
}

interface FrontMatter {
  date?: string;
  tags: string[];
  body: string;
}

function unquote(value: string): string {
  return value.trim().replace(/^(["'])(.*)\1$/, '$2');
}

/** `a, b`, `[a, b]`, `#a #b`, `[[a]]` as a list of tag names ("Code Review" stays one). */
function tagList(value: string): string[] {
  return value
    .trim()
    .replace(/^\[(?!\[)|(?<!\])\]$/g, '')
    .split(',')
    .flatMap((piece) =>
      /^\s*#\S+(\s+#\S+)+\s*$/.test(piece) ? piece.trim().split(/\s+/) : [piece],
    )
    .map((tag) => unquote(tag).replace(/^#|^\[\[|\]\]$/g, ''))
    .filter(Boolean);
}

/**
 * The YAML front matter's `date` and `tags` (the flat subset notes use: `key: value`,
 * `key: [a, b]` and `- item` lists), then Logseq's `key:: value` lines at the top.
 */
export function readFrontMatter(text: string): FrontMatter {
  const found: FrontMatter = { tags: [], body: text.replace(/^\uFEFF/, '') };
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(found.body);
  if (yaml) {
    found.body = found.body.slice(yaml[0].length);
    let listKey: string | null = null;
    for (const line of (yaml[1] as string).split(/\r?\n/)) {
      const item = /^\s*-\s+(.*)$/.exec(line);
      if (item && listKey === 'tags') {
        found.tags.push(unquote(item[1] as string));
        continue;
      }
      const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
      if (!pair) continue;
      listKey = (pair[1] as string).toLowerCase();
      const value = pair[2] as string;
      if (listKey === 'date' && value.trim()) found.date = unquote(value);
      if ((listKey === 'tags' || listKey === 'tag') && value.trim())
        found.tags.push(...tagList(value));
      if (listKey === 'tag') listKey = 'tags';
    }
  }
  const lines = found.body.split(/\r?\n/);
  let first = 0;
  for (; first < lines.length; first++) {
    const property = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)::\s*(.*)$/.exec(lines[first] as string);
    if (!property) break;
    const key = (property[1] as string).toLowerCase();
    if (key === 'date') found.date = unquote(property[2] as string);
    if (key === 'tags' || key === 'tag') found.tags.push(...tagList(property[2] as string));
  }
  if (first > 0) found.body = lines.slice(first).join('\n');
  return found;
}

/** A note's body split into the questions its headings ask; null when no heading matches. */
export function splitByHeadings(body: string): Record<CanonicalKey, string> | null {
  const parts: Record<CanonicalKey, string[]> = { happened: [], learned: [], nextTime: [] };
  let current: CanonicalKey | null = null;
  let matched = false;
  // Text before the first heading, and under headings that ask no question, is what happened.
  for (const line of body.split(/\r?\n/)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      current = questionOf(heading[1] as string);
      if (current) {
        matched = true;
        continue;
      }
    }
    parts[current ?? 'happened'].push(line);
  }
  if (!matched) return null;
  const join = (lines: string[]) => lines.join('\n').trim();
  return {
    happened: join(parts.happened),
    learned: join(parts.learned),
    nextTime: join(parts.nextTime),
  };
}

/** The file name without folders and extension ("journals/2024_03_05.md" → "2024_03_05"). */
function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
}

/** "2024-03-05" from a file name that starts with a date ("2024_03_05", "2024-03-05 Retro"), or ''. */
function dateInName(name: string): string {
  const read = readDate(name);
  if (!read) return '';
  const { year, month, day } = read.date;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every note as a plan; `others` counts files of the folder or zip that are not notes. */
export function planMarkdown(
  files: readonly NamedText[],
  others: number,
  zone: string,
  now: number,
): ImportPlan {
  const builder = new PlanBuilder('markdown', now);
  for (let i = 0; i < others; i++) builder.skip('notNote');
  for (const file of files) {
    if (!isNotePath(file.name)) {
      builder.skip('notNote');
      continue;
    }
    const front = readFrontMatter(file.text);
    const name = baseName(file.name);
    const dated = front.date ?? dateInName(name);
    const createdAt = dated ? readInstant(dated, zone) : null;
    const split = splitByHeadings(front.body);
    const added = builder.add({
      // The path and the date: the same note read from the folder or from a zip of it.
      sourceId: `${file.name.split('/').slice(-2).join('/')}@${dated}`,
      createdAt,
      happened: split ? split.happened : front.body,
      learned: split?.learned,
      nextTime: split?.nextTime,
      tags: front.tags,
    });
    if (added) builder.note(split ? 'headings' : 'wholeBody');
  }
  return builder.plan;
}

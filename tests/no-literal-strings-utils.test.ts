/**
 * The utils build text a person reads (import refusals, share and digest text, the Markdown
 * export, the next nudge's time), so they, too, take their words from `_locales`. This test
 * parses every .ts file under utils/ and fails on a string literal — or the fixed part of a
 * template — that holds two words or more: in practice, a sentence or a label in English.
 *
 * Not flagged:
 * - the message of an `Error` (`new Error('…')`, `super('…')` in an Error subclass): for
 *   developers and logs; the pages show `describeDbError` and friends instead;
 * - `ALLOWED`: a few literals that are data, not text, each with its reason.
 *
 * Single words ('Pinned') are not caught: too many identifiers look the same. Review catches
 * those; this test keeps the sentences from coming back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const TWO_WORDS = /\p{L}{2,}[\s\u00a0]+\p{L}{2,}/u;

/** Literals that are data, not text a person reads in the UI. */
const ALLOWED: ReadonlyArray<readonly [file: string, text: RegExp, why: string]> = [
  [
    'data/export-csv.ts',
    /^(next time|other answers|page title|page url)$/,
    'CSV column names: stable identifiers for spreadsheets and scripts, like the JSON keys',
  ],
  [
    'data/auto-backup.ts',
    /^Fail Well$/,
    'the backup folder in Downloads: one name in every language, so the files stay together and the rescue can name it',
  ],
  [
    'nudges/worker/backup-blob.ts',
    /^Writes the automatic backup file/,
    'the offscreen document justification Chrome requires, for its own records: never shown to the person',
  ],
  [
    'lock/envelope.ts',
    /^fail-well pk envelope v1$/,
    'an HKDF info label: bytes bound into the key derivation, never shown',
  ],
  [
    'lock/keyring.ts',
    /^fail-well recovery key v1$/,
    'an HKDF info label: bytes bound into the key derivation, never shown',
  ],
  [
    'reflections/db-store.ts',
    /^The reflection kept changing/,
    'a DOMException message for logs; the pages show describeDbError (an AbortError)',
  ],
  [
    'review/patterns.ts',
    /^about above after/,
    'English stop words for pattern detection: data, never shown',
  ],
];

interface Finding {
  line: number;
  text: string;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  return null;
}

/** An Error's message: `new SomethingError('…')` or `super('…')` inside an Error subclass. */
function isErrorMessage(node: ts.Node): boolean {
  const call = node.parent;
  if (ts.isNewExpression(call)) return /Error$/.test(call.expression.getText());
  if (ts.isCallExpression(call) && call.expression.kind === ts.SyntaxKind.SuperKeyword) {
    const owner = ts.findAncestor(call, ts.isClassDeclaration);
    return !!owner?.heritageClauses?.some((h) => /Error\b/.test(h.getText()));
  }
  return false;
}

/** Sentences written as literals in one utils source. */
function findSentences(source: string, fileName = 'file.ts'): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const visit = (node: ts.Node) => {
    const text = literalText(node);
    if (
      text !== null &&
      TWO_WORDS.test(text) &&
      !ts.isImportDeclaration(node.parent) &&
      !ts.isExportDeclaration(node.parent) &&
      !isErrorMessage(node)
    ) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      findings.push({ line: line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

describe('the sentence finder', () => {
  it.each([
    ['a returned message', "return 'This file is empty.';", 'This file is empty.'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source under test.
    ['a template', 'const s = `A lesson from ${day}.`;', 'A lesson from  .'],
    ['a lower-case fragment', "v.string('should be text')", 'should be text'],
    ['a label in a table', "const L = { happened: 'What happened' };", 'What happened'],
    ['German', "return 'Es wurde nichts importiert.';", 'Es wurde nichts importiert.'],
  ])('flags %s', (_, source, text) => {
    expect(findSentences(source).map((f) => f.text)).toEqual([text]);
  });

  it.each([
    ['message keys', "t('importEmpty'); say('importShouldBeText')"],
    ['single words and ids', "const k = 'badge'; const u = 'megabyte'; x === 'not-yet';"],
    ['imports', "import { t } from './i18n';"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source under test.
    ['punctuation', "lines.join(' — '); `${a} · ${b}`"],
    ['an Error', "throw new Error('The popup did not open.');"],
    [
      'an Error subclass',
      "class DbOpenError extends Error { constructor() { super('Could not open the database'); } }",
    ],
  ])('allows %s', (_, source) => {
    expect(findSentences(source)).toEqual([]);
  });

  it('gives the line of each finding', () => {
    expect(findSentences("const a = 1;\n\nconst b = 'Two words';")).toEqual([
      { line: 3, text: 'Two words' },
    ]);
  });
});

// Paths below utils/, concept folders included ("review/search.ts").
const files = (readdirSync('utils', { recursive: true }) as string[])
  .filter((name) => name.endsWith('.ts'))
  .sort();

describe('no sentences written in utils/', () => {
  it('finds the utils', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('utils/%s takes its words from _locales', (name) => {
    const findings = findSentences(readFileSync(`utils/${name}`, 'utf8'), name)
      .filter(({ text }) => !ALLOWED.some(([file, allowed]) => file === name && allowed.test(text)))
      .map(
        (f) =>
          `utils/${name}:${f.line}: ${JSON.stringify(f.text)} — move it to _locales and use t()`,
      );
    expect(findings).toEqual([]);
  });

  it('every allowance still matches something (drop it when the literal goes)', () => {
    for (const [file, allowed] of ALLOWED) {
      const texts = findSentences(readFileSync(`utils/${file}`, 'utf8'), file).map((f) => f.text);
      expect(
        texts.some((text) => allowed.test(text)),
        `${file}: ${allowed}`,
      ).toBe(true);
    }
  });
});

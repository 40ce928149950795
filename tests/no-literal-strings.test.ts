/**
 * Every word a person reads comes from `_locales` (through `t`), so German — and any later
 * language — is complete. This test parses every .tsx file under components/ and entrypoints/
 * and fails on user-facing text written as a literal:
 *
 * - JSX text containing a letter: `<p>Some words</p>`;
 * - a string literal (or template) rendered as a JSX child, directly or as a branch of
 *   `?:`, `&&`, `||`, `??`: `{open ? 'Hide' : 'Show'}`, `{`${n} reflections`}`;
 * - the same in the attributes a person reads or hears: aria-label, title, placeholder,
 *   alt, label.
 *
 * Strings passed to a function (`t('key')`, `formatNumber(n)`) are not text, so they pass.
 *
 * The allowlist (kept short on purpose):
 * - `ALLOWED_TEXT`: symbols that read the same in every language ("×", "/", "—", "·", "…")
 *   — any text without a letter passes anyway — and the product name "Fail Well";
 * - inside `<kbd>`: single characters and key names as printed on keys (`KEY_NAMES`), since
 *   a shortcut is the key itself (translated key labels like "Entf" come from `t`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOTS = ['components', 'entrypoints'];
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
const ALLOWED_TEXT = new Set(['×', '/', '—', '·', '…', 'Fail Well']);
const KEY_NAMES = /^([A-Za-z0-9]|Alt|Ctrl|Shift|Enter|Esc|Tab|Space|Cmd|Option)$/;
const LETTER = /\p{L}/u;

interface Finding {
  line: number;
  text: string;
}

function isAllowed(text: string, inKbd: boolean): boolean {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!LETTER.test(trimmed)) return true;
  if (ALLOWED_TEXT.has(trimmed)) return true;
  return inKbd && KEY_NAMES.test(trimmed);
}

function tagName(node: ts.Node): string | null {
  if (ts.isJsxElement(node)) return node.openingElement.tagName.getText();
  return null;
}

/** String literals an expression renders as they are (branches, not function arguments). */
function renderedLiterals(expression: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    return [expression];
  }
  if (ts.isTemplateExpression(expression)) return [expression];
  if (ts.isParenthesizedExpression(expression)) return renderedLiterals(expression.expression);
  if (ts.isConditionalExpression(expression)) {
    return [...renderedLiterals(expression.whenTrue), ...renderedLiterals(expression.whenFalse)];
  }
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (
      op === ts.SyntaxKind.AmpersandAmpersandToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken
    ) {
      return [...renderedLiterals(expression.left), ...renderedLiterals(expression.right)];
    }
  }
  return [];
}

/** The literal text of a string or template (the template's fixed parts). */
function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  return '';
}

/** Literal user-facing text in one .tsx source. */
function findLiteralStrings(source: string, fileName = 'file.tsx'): Finding[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    // JSX text starts with the whitespace before it: point at its first visible character.
    const at = ts.isJsxText(node) ? node.pos + node.text.search(/\S|$/) : node.getStart(file);
    const { line } = file.getLineAndCharacterOfPosition(at);
    findings.push({ line: line + 1, text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node, inKbd: boolean) => {
    if (ts.isJsxText(node)) {
      if (!isAllowed(node.text, inKbd)) report(node, node.text);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of renderedLiterals(node.expression)) {
        const text = literalText(literal);
        if (!isAllowed(text, inKbd)) report(literal, text);
      }
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      const value = node.initializer;
      if (READ_ATTRIBUTES.has(name) && value) {
        const literals = ts.isStringLiteral(value)
          ? [value]
          : ts.isJsxExpression(value) && value.expression
            ? renderedLiterals(value.expression)
            : [];
        for (const literal of literals) {
          const text = literalText(literal);
          if (!isAllowed(text, false)) report(literal, `${name}="${text}"`);
        }
      }
    }
    const kbd = inKbd || tagName(node) === 'kbd';
    ts.forEachChild(node, (child) => visit(child, kbd));
  };
  visit(file, false);
  return findings;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

describe('the literal-string finder', () => {
  it.each([
    ['JSX text', '<p>Some words</p>', 'Some words'],
    ['text beside an expression', '<p>{n} of the last weeks</p>', 'of the last weeks'],
    ['a string child', "<p>{'Hello'}</p>", 'Hello'],
    ['a branch of ?:', "<p>{open ? 'Hide answers' : t('x')}</p>", 'Hide answers'],
    ['a branch of &&', "<p>{ok && 'Saved'}</p>", 'Saved'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JSX source under test, not a template.
    ['a template child', '<p>{`${n} reflections`}</p>', 'reflections'],
    ['aria-label', '<nav aria-label="Sections" />', 'aria-label="Sections"'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JSX source under test, not a template.
    ['a template aria-label', '<b aria-label={`Edit ${when}`} />', 'aria-label="Edit "'],
    ['title', '<abbr title="Sting" />', 'title="Sting"'],
    ['placeholder', '<input placeholder="Search" />', 'placeholder="Search"'],
    ['alt', '<img alt="Logo" />', 'alt="Logo"'],
    ['label', '<List label={"Reflections"} />', 'label="Reflections"'],
    ['a word in <kbd>', '<kbd>Delete me</kbd>', 'Delete me'],
    ['accented text', '<p>Löschen</p>', 'Löschen'],
  ])('flags %s', (_, source, text) => {
    expect(findLiteralStrings(source).map((f) => f.text)).toEqual([text]);
  });

  it.each([
    ['text from the catalogue', "<p>{t('emptyMatches')}</p>"],
    ['a translated attribute', "<nav aria-label={t('optionsNavLabel')} />"],
    ['symbols', '<button>×</button><span> / </span><span> — </span>'],
    ['the product name', '<h1>Fail Well</h1>'],
    ['key names in <kbd>', '<p><kbd>j</kbd>/<kbd>k</kbd> <kbd>Alt</kbd>+<kbd>F</kbd></p>'],
    ['attributes no one reads', '<div class="row-card selected" id="list-title" />'],
    ['numbers and punctuation', '<p>{n}: 5/5 · 42%</p>'],
    ['strings passed to functions', "<p>{formatList(['a', 'b'])}</p>"],
  ])('allows %s', (_, source) => {
    expect(findLiteralStrings(source)).toEqual([]);
  });

  it('gives the line of each finding', () => {
    expect(findLiteralStrings('<div>\n  <p>\n    Hello there\n  </p>\n</div>')).toEqual([
      { line: 3, text: 'Hello there' },
    ]);
  });
});

const files = ROOTS.flatMap((root) => tsxFiles(root)).sort();

/**
 * Sections built before their strings could move to _locales (issue 8 tracks them). Each is
 * checked the other way round: once it is translated, this test says to take it off the list.
 */
const NOT_YET_TRANSLATED = new Set<string>([]);

describe('no literal user-facing strings', () => {
  it('finds the .tsx files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s renders only text from _locales', (path) => {
    const findings = findLiteralStrings(readFileSync(path, 'utf8'), path).map(
      (f) =>
        `${relative('.', path)}:${f.line}: ${JSON.stringify(f.text)} — move it to _locales and use t()`,
    );
    const file = relative('.', path);
    if (NOT_YET_TRANSLATED.has(file)) {
      expect(
        findings.length,
        `${file} is translated now: take it off NOT_YET_TRANSLATED`,
      ).toBeGreaterThan(0);
      return;
    }
    expect(findings).toEqual([]);
  });
});

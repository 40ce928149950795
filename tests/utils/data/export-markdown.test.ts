import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../utils/core/markdown';
import { exportToString } from '../../../utils/data/export';
import { markdownWriter } from '../../../utils/data/export-markdown';
import { richReflection, SETTINGS } from '../../helpers/reflections';
import { useLanguage } from '../../i18n-fake';

const NOW = 1_800_000_000_000;
const meta = { exportedAt: NOW, settings: SETTINGS, timeZone: 'UTC' };

describe('Markdown export', () => {
  it('groups by day and puts every answer under its question', () => {
    const day = 86_400_000;
    const first = richReflection(1, { createdAt: Date.UTC(2026, 10, 2, 9, 15) });
    const second = richReflection(2, { createdAt: Date.UTC(2026, 10, 2, 17, 40) });
    const third = richReflection(3, { createdAt: Date.UTC(2026, 10, 2, 9, 15) + 2 * day });
    const text = exportToString(markdownWriter(meta), [first, second, third]);

    expect(text.match(/^## .*$/gm)).toEqual([
      '## Monday 2 November 2026',
      '## Wednesday 4 November 2026',
    ]);
    expect(text).toContain('### 09:15 · Quick');
    expect(text).toContain('### 17:40 · Gibbs cycle');
    expect(text).toContain('**What happened?**\n\n');
    expect(text).toContain('**How did I feel?**\n\nUneasy, then relieved');
    expect(text).toContain('**What will I do next time?**\n\nNext time 3');
    // Order inside a reflection follows its answers; the lesson sits under its own question.
    expect(text.indexOf('**What did I learn?**\n\nLesson 1')).toBeGreaterThan(
      text.indexOf('### 09:15 · Quick'),
    );
  });

  it('shows typed text as typed: never markup, a link, a heading or a list', () => {
    const r = richReflection(1, {
      createdAt: Date.UTC(2026, 10, 2, 9, 15),
      answers: {
        happened: '<script>alert(1)</script> and [click](https://evil.example)',
        learned: '# not a heading\n- not a list\n**not bold** a\\b 🙈 שלום',
        nextTime: '1. not a list either',
      },
    });
    const text = exportToString(markdownWriter(meta), [r]);
    // The same escaper as sharing, so every reader shows exactly what was typed.
    for (const typed of Object.values(r.answers)) expect(text).toContain(escapeMarkdown(typed));
    expect(text).toContain(
      '\\<script\\>alert(1)\\</script\\> and \\[click\\](https://evil.example)',
    );
    expect(text).toContain(
      '\\# not a heading  \n\\- not a list  \n\\*\\*not bold\\*\\* a\\\\b 🙈 שלום',
    );
    expect(text).toContain('1\\. not a list either');
  });

  it('writes the details of a reflection in words', () => {
    const r = richReflection(4, {
      createdAt: Date.UTC(2026, 10, 2, 9, 15),
      followUps: [{ dueAt: 1, answeredAt: 2, outcome: 'not-yet', note: 'busy week' }],
    });
    const text = exportToString(markdownWriter(meta), [r]);
    expect(text).toContain('# Fail Well — reflections\n\nExported ');
    expect(text).toContain(
      'Tags: ops, t4 · Sting: 5/5 · Pinned · Page: Build \\#4 (https://ci.example/4)\n',
    );
    expect(text).toContain('Follow-up: not yet — busy week\n');
    expect(text).toContain('Affected: The on-call team · not told yet\n');
  });

  it('writes German when the UI is German', () => {
    useLanguage('de');
    const r = richReflection(3, {
      createdAt: Date.UTC(2026, 10, 2, 9, 15),
      followUps: [{ dueAt: 1, answeredAt: 2, outcome: 'applied', note: '' }],
    });
    const text = exportToString(markdownWriter(meta), [r]);
    expect(text).toContain('# Fail Well – Reflexionen\n\nExportiert am ');
    expect(text).toContain('## Montag, 2. November 2026\n');
    expect(text).toContain('### 09:15 · Kurz');
    expect(text).toContain('Schlagwörter: ops, t3 · Schmerz: 4/5 · Seite: Build \\#3');
    expect(text).toContain('Nachfrage: umgesetzt\n');
    expect(text).toContain('Betroffen: The on-call team · Bescheid gegeben\n');
    expect(exportToString(markdownWriter(meta), [])).toContain('Noch keine Reflexionen.');
  });

  it('leaves deleted reflections out and says when there is nothing', () => {
    const text = exportToString(markdownWriter(meta), [richReflection(1, { deletedAt: NOW })]);
    expect(text).toContain('No reflections yet.');
    expect(text).not.toContain('Lesson 1');
  });
});

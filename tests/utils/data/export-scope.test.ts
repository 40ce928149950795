import { describe, expect, it } from 'vitest';
import { fixedZone } from '../../../utils/core/calendar';
import { scopeFromParams } from '../../../utils/data/export-scope';
import { richReflection } from '../../helpers/reflections';
import { useLanguage } from '../../i18n-fake';

const utc = fixedZone(0);
const rows = [
  richReflection(1, { tags: ['ops'], answers: { learned: 'Deploy on Mondays' } }),
  richReflection(2, { tags: ['ops', 'people'], answers: { learned: 'Ask for help early' } }),
  richReflection(3, { tags: ['people'], answers: { learned: 'Deploy smaller changes' } }),
  richReflection(4, { tags: ['ops'], deletedAt: 5 }),
];

describe('export scope from the dashboard filter', () => {
  it.each([
    [{}, null],
    [{ unknown: 'x' }, null],
    [{ tags: 'ops' }, ['1', '2']],
    [{ q: 'deploy' }, ['1', '3']],
    [{ q: 'deploy', tags: 'ops' }, ['1']],
    [{ tags: 'ops,people' }, ['2']],
  ])('%j keeps %j', (params, expected) => {
    const scope = scopeFromParams(params, utc);
    if (expected === null) {
      expect(scope).toBeNull();
      return;
    }
    expect(rows.filter((r) => scope?.keep(r)).map((r) => r.id.slice(-1))).toEqual(expected);
  });

  it('says what the filter is', () => {
    expect(scopeFromParams({ q: 'deploy', tags: 'ops', pinned: '1' }, utc)?.summary).toBe(
      'search “deploy”, tag ops, pinned only',
    );
  });

  it('names every filter in words a person uses', () => {
    expect(
      scopeFromParams(
        { from: '2026-11-01', to: '2026-11-30', template: 'gibbs', trigger: 'idle', sting: '3' },
        utc,
      )?.summary,
    ).toBe(
      'dates Nov 1, 2026 to Nov 30, 2026, template Gibbs cycle, prompted by: Back from a break, sting 3 or more',
    );
    expect(scopeFromParams({ tags: 'ops,people', from: '2026-11-01' }, utc)?.summary).toBe(
      'tags ops, people, dates Nov 1, 2026 to …',
    );
  });

  it('says it in German when the UI is German', () => {
    useLanguage('de');
    expect(
      scopeFromParams(
        { q: 'deploy', tags: 'ops', to: '2026-11-30', template: 'quick', pinned: '1' },
        utc,
      )?.summary,
    ).toBe(
      'Suche „deploy“, Schlagwort ops, Zeitraum … bis 30.11.2026, Vorlage Kurz, nur angeheftete',
    );
  });
});

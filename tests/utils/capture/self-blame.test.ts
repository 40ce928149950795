import { describe, expect, it } from 'vitest';
import { compileMatchers, findSelfBlame } from '../../../utils/capture/self-blame';
import { selfBlamePhrases } from '../../../utils/capture/self-blame-phrases';
import { useLanguage } from '../../i18n-fake';

describe('findSelfBlame', () => {
  it.each([
    ["I'm so stupid, I forgot the meeting", 'label', "I'm so stupid"],
    ['i am SO stupid', 'label', 'i am SO stupid'],
    ['I’m an idiot for that', 'label', 'I’m an idiot'],
    ['Honestly I  always   break the build', 'absolute', 'I  always'],
    ['I never check the logs', 'absolute', 'I never'],
    ['It was all my fault.', 'blame', 'all my fault'],
    ["Why? what's wrong with me", 'label', "what's wrong with me"],
    ['I should have known better.', 'label', 'I should have known better'],
  ])('notices %j', (text, kind, match) => {
    expect(findSelfBlame(text, 'happened')).toMatchObject({ kind, match });
  });

  it.each([
    ['I missed a step in the checklist'],
    ['It was not my fault that the server fell over'],
    ['That wasn’t my fault, the spec changed'],
    ['The stupid printer jammed'],
    ['I alwaysOn-ed the flag'],
    ['Amy never replied'],
    ['my faultless record'],
    ['a bug in the ci'],
    [''],
  ])('leaves %j alone', (text) => {
    expect(findSelfBlame(text, 'happened')).toBeNull();
  });

  it('lets a plan for next time say "always" and "never"', () => {
    expect(findSelfBlame('I never merge without a green build', 'nextTime')).toBeNull();
    expect(findSelfBlame("I'm so stupid", 'nextTime')?.kind).toBe('label');
  });

  it('reads German phrases and negations from the German catalogue', () => {
    useLanguage('de');
    const german = compileMatchers();
    expect(findSelfBlame('Das war alles meine Schuld.', 'happened', german)?.kind).toBe('blame');
    expect(findSelfBlame('Das war nicht meine Schuld.', 'happened', german)).toBeNull();
    expect(findSelfBlame('Ich bin so dumm gewesen', 'learned', german)?.kind).toBe('label');
    expect(findSelfBlame('Ich vergesse immer die Tests', 'learned', german)?.kind).toBe('absolute');
  });

  it('has a kind suggestion for every kind, and no empty phrases', () => {
    for (const group of selfBlamePhrases()) {
      expect(group.suggestion.length).toBeGreaterThan(20);
      for (const phrase of group.phrases) expect(phrase.trim()).not.toBe('');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isAttentionRequest } from '../../../utils/nudges/attention-request-browser';

describe('isAttentionRequest', () => {
  it.each<[string, unknown, boolean]>([
    ['a pause', { type: 'fail-well:attention', choice: 'pause-forever' }, true],
    ['a resume', { type: 'fail-well:attention', choice: 'resume' }, true],
    ['an unknown choice', { type: 'fail-well:attention', choice: 'pause-for-a-year' }, false],
    ['no choice', { type: 'fail-well:attention' }, false],
    ['another message', { type: 'something-else', choice: 'resume' }, false],
    ['null', null, false],
    ['a string', 'resume', false],
  ])('%s', (_, message, expected) => {
    expect(isAttentionRequest(message)).toBe(expected);
  });
});

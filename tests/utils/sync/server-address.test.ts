import { describe, expect, it } from 'vitest';
import { parseServerAddress } from '../../../utils/sync/server-address';
import { addressProblem } from '../../../utils/sync/sync-messages';

describe('the server address typed in the sync setup', () => {
  it.each([
    [
      'https://couch.example.com/fail-well',
      'https://couch.example.com/fail-well',
      'fail-well',
      'https://couch.example.com/*',
    ],
    // A port stays in the requests but not in the permission (Firefox patterns have none).
    [
      '  http://127.0.0.1:5984/journal/  ',
      'http://127.0.0.1:5984/journal',
      'journal',
      'http://127.0.0.1/*',
    ],
    ['http://localhost:5984/j', 'http://localhost:5984/j', 'j', 'http://localhost/*'],
    // Behind a reverse proxy's prefix, the last segment is the database.
    [
      'https://example.org/couch/me_2026',
      'https://example.org/couch/me_2026',
      'me_2026',
      'https://example.org/*',
    ],
    // A "/" in a name is typed as %2F, and sent that way.
    [
      'https://example.org/team%2Fanna',
      'https://example.org/team%2Fanna',
      'team/anna',
      'https://example.org/*',
    ],
  ])('%s is database %s', (typed, dbUrl, dbName, permission) => {
    const parsed = parseServerAddress(typed);
    expect(parsed).toEqual({
      ok: true,
      address: { dbUrl, dbName, permission, origin: new URL(dbUrl).origin },
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['couch.example.com/fail-well', 'not-url'],
    ['ftp://example.org/db', 'scheme'],
    ['http://couch.example.com/fail-well', 'insecure'],
    ['https://anna:secret@couch.example.com/fail-well', 'credentials'],
    ['https://couch.example.com/fail-well?x=1', 'extra'],
    ['https://couch.example.com/fail-well#top', 'extra'],
    ['https://couch.example.com/', 'no-database'],
    ['https://couch.example.com/FailWell', 'database-name'],
    ['https://couch.example.com/_users', 'database-name'],
    ['https://couch.example.com/9lives', 'database-name'],
    ['https://couch.example.com/%E0%A4%A', 'database-name'],
    [`https://couch.example.com/a${'b'.repeat(238)}`, 'database-name'],
  ])('“%s” is refused: %s', (typed, fault) => {
    expect(parseServerAddress(typed)).toEqual({ ok: false, fault });
  });

  it('says what is wrong in plain words', () => {
    expect(addressProblem('insecure')).toBe(
      'Use https:// for a server on another computer: over http:// your password would travel readable.',
    );
    expect(addressProblem('no-database')).toContain('…/fail-well');
  });
});

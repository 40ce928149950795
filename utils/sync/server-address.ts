/**
 * The address of the person's own CouchDB database, as typed in the sync setup: one URL that
 * names the server and the database ("https://couch.example.com/fail-well"), checked before
 * anything is asked for or sent. What it yields is what the rest of sync needs: the database
 * URL requests go to, and the one host permission the browser is asked for
 * (`optional_host_permissions`, in the click that tests the connection). Pure.
 */

/** Why a typed address cannot be used; each has its plain-words message (sync-messages.ts). */
export type AddressFault =
  | 'empty'
  | 'not-url'
  | 'scheme'
  | 'insecure'
  | 'credentials'
  | 'extra'
  | 'no-database'
  | 'database-name';

export interface ServerAddress {
  /** The database's URL, without a trailing slash: requests append `/_changes` and so on. */
  dbUrl: string;
  /** The database's name, as CouchDB knows it. */
  dbName: string;
  /** The match pattern the browser is asked to allow: this host, nothing else. */
  permission: string;
  origin: string;
}

/**
 * CouchDB's rule for database names: a lowercase letter first, then lowercase letters,
 * digits and `_ $ ( ) + - /`, at most 238 characters. Names starting with `_` are its own.
 */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

/** Plain http sends the password readable to everyone on the way: only to this machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Check what was typed: the address, or the first thing wrong with it. */
export function parseServerAddress(
  typed: string,
): { ok: true; address: ServerAddress } | { ok: false; fault: AddressFault } {
  const text = typed.trim();
  if (text === '') return { ok: false, fault: 'empty' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, fault: 'not-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, fault: 'scheme' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return { ok: false, fault: 'insecure' };
  }
  // The password has its own field, where it is stored encrypted; in the address it would not be.
  if (url.username || url.password) return { ok: false, fault: 'credentials' };
  if (url.search || url.hash) return { ok: false, fault: 'extra' };
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (last === undefined) return { ok: false, fault: 'no-database' };
  // A database behind a reverse proxy's path prefix ("/couch/journal") is allowed: the name is
  // the last segment. A "/" inside a name must be typed as %2F, as CouchDB itself wants it.
  let dbName: string;
  try {
    dbName = decodeURIComponent(last);
  } catch {
    return { ok: false, fault: 'database-name' };
  }
  if (!DB_NAME.test(dbName)) return { ok: false, fault: 'database-name' };
  const base = segments.slice(0, -1).join('/');
  const dbUrl = `${url.origin}${base ? `/${base}` : ''}/${encodeURIComponent(dbName)}`;
  return {
    ok: true,
    address: {
      dbUrl,
      dbName,
      origin: url.origin,
      // No port in the pattern: Firefox's match patterns have none, and Chrome's match every
      // port without one. The host is what the permission prompt names.
      permission: `${url.protocol}//${url.hostname}/*`,
    },
  };
}

/**
 * The one place the extension makes a network request: sync, to the server the person
 * connected (and gave the host permission for). Nothing else in Fail Well fetches anything.
 */
import { type CouchClient, createCouchClient } from './couch-client';

/** A client for the person's own server, on this context's fetch. */
export function serverClient(dbUrl: string, user: string, password: string): CouchClient {
  return createCouchClient({ dbUrl, user, password, fetch: (input, init) => fetch(input, init) });
}

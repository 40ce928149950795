/**
 * The database's name, apart from its schema (db-connection-store.ts): the review page's
 * reader worker opens the database by name, and the schema's module imports the message
 * lookup, whose extension API polyfill refuses to load in a worker.
 */
export const DB_NAME = 'fail-well';

/**
 * A real CouchDB-compatible server for the sync tests: pouchdb-server from .ci/couch (its own
 * package, so the extension's lockfile never carries it), in memory, on a free port of
 * 127.0.0.1, with an admin. It runs in a temporary folder because it writes config.json and
 * log.txt into its working directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const COUCH_DIR = resolve(import.meta.dirname, '../../.ci/couch');
const BIN = join(COUCH_DIR, 'node_modules/pouchdb-server/bin/pouchdb-server');
const START_TIMEOUT_MS = 30_000;

export interface CouchServer {
  /** The server root, with a trailing slash. */
  url: string;
  origin: string;
  admin: { user: string; password: string };
  /** The admin's `Authorization` header, for reading the server as anyone with access would. */
  authorization: string;
  /** Create a database as the admin; its URL without a trailing slash. */
  createDb(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? done(port) : fail(new Error('No free port found'))));
    });
  });
}

const authOf = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function waitForRoot(url: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`pouchdb-server exited (${child.exitCode}) before answering:\n${stderr()}`);
    }
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      const root: unknown = await response.json();
      if (typeof root === 'object' && root !== null) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not answer ${url} within 30 s:\n${stderr()}`);
}

/** Start pouchdb-server in memory with an admin; stop() kills it by its PID. */
export async function startCouchServer(): Promise<CouchServer> {
  if (!existsSync(join(COUCH_DIR, 'node_modules'))) {
    throw new Error('The test CouchDB is not installed: run `(cd .ci/couch && npm ci)` first');
  }
  if (!existsSync(BIN)) throw new Error(`pouchdb-server's bin is not at ${BIN}`);
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), 'fail-well-couch-'));
  const child = spawn(
    process.execPath,
    [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port)],
    { cwd, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/`;

  async function stop() {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGKILL');
      await exited;
    }
    rmSync(cwd, { recursive: true, force: true });
  }

  try {
    await waitForRoot(url, child, () => stderr);
    const admin = { user: 'admin', password: 'test-admin-password' };
    const made = await fetch(`${url}_config/admins/${admin.user}`, {
      method: 'PUT',
      body: JSON.stringify(admin.password),
    });
    if (!made.ok) throw new Error(`Creating the admin failed: HTTP ${made.status}\n${stderr}`);
    return {
      url,
      origin,
      admin,
      authorization: authOf(admin.user, admin.password),
      // As the admin: once an admin exists, pouchdb-server crashes on an anonymous PUT /db.
      async createDb(name) {
        const dbUrl = `${url}${encodeURIComponent(name)}`;
        const response = await fetch(dbUrl, {
          method: 'PUT',
          headers: { Authorization: authOf(admin.user, admin.password) },
        });
        if (response.status !== 201) {
          throw new Error(`Creating database ${name} failed: HTTP ${response.status}`);
        }
        return dbUrl;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

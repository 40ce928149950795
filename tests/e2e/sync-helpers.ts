/**
 * Steps the sync end-to-end test and the sync benchmark share: a copy of the build that holds
 * the host permission for 127.0.0.1 from install (a test browser cannot click a permission
 * prompt), and Data → Sync's card filled in for a test server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { CouchServer } from '../helpers/couch-server';
import { section } from './lock-helpers';

/** Give the build copied to `extensionDir` the host permission for any port of 127.0.0.1. */
export function grantLoopbackHost(extensionDir: string): void {
  const file = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(file, JSON.stringify(manifest));
}

/** Data → Sync, with the database's address and the server admin's name and password filled in. */
export async function fillSyncCard(
  options: Page,
  server: CouchServer,
  dbUrl: string,
): Promise<Locator> {
  await section(options, 'Data');
  const card = options.getByRole('region', { name: 'Sync between your devices' });
  await card.getByRole('textbox', { name: 'Database address' }).fill(dbUrl);
  await card.getByRole('textbox', { name: 'User name' }).fill(server.admin.user);
  await card.getByLabel('Password', { exact: true }).fill(server.admin.password);
  return card;
}

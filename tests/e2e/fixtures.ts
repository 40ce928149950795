/**
 * Launches Chromium with the built extension loaded, one fresh profile per test.
 * The browser comes from CHROMIUM_PATH (default /usr/bin/chromium): never downloaded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  test as base,
  chromium,
  type Page,
  type Worker,
} from '@playwright/test';

export const EXTENSION_PATH = resolve('.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Start Chromium with the extension; the caller closes the context and removes `profile`.
 * `extension` defaults to the build; the benchmarks load a copy that adds a blank page.
 * `language` ("de") sets the browser's UI language: `--lang` picks the extension's
 * catalogue and Playwright's `locale` what `i18n.getUILanguage()` (and so Intl) reports;
 * LANG/LANGUAGE in the environment change neither here.
 */
export async function launchWithExtension(
  profile: string,
  extension: string = EXTENSION_PATH,
  language?: string,
): Promise<BrowserContext> {
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`No build at ${extension}: run "npm run build" first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...(language ? { locale: language } : {}),
    args: [
      ...(language ? [`--lang=${language}`] : []),
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * On install the extension opens its review page once (first run; Chromium navigates the
 * start-up blank tab to it). Wait for that and close it, so it cannot take over a page a test
 * is about to navigate.
 */
export async function closeFirstRunTab(context: BrowserContext): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const page = context.pages().find((p) => p.url().endsWith('/options.html'));
    if (page) return page.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The first-run review page did not open after install.');
}

/** The extension's service worker (it starts with the browser). */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  /** Open an extension page (`popup.html`, `options.html`) as an ordinary tab. */
  openPage: (path: string) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  context: async ({}, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'fail-well-e2e-'));
    const context = await launchWithExtension(profile);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    const worker = await serviceWorker(context);
    await closeFirstRunTab(context);
    await use(new URL(worker.url()).host);
  },
  openPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export const expect = test.expect;

/** Read every stored reflection straight from IndexedDB in an extension page. */
export function storedReflections(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('fail-well');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('reflections').objectStore('reflections').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

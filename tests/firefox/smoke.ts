/**
 * The Firefox build, run in a real Firefox: install it, let the background greet a new user,
 * write a reflection in the popup with the keyboard and find it on the review page; then
 * switch the lock on, save once from the popup while locked and unlock once on the review page.
 *
 * Playwright's Firefox needs its own patched build (which we cannot download here) or a newer
 * Firefox than Debian's ESR for its WebDriver BiDi mode, so this speaks WebDriver BiDi to
 * `firefox-esr` directly: a few standard commands, no driver binary. Run by `npm run
 * test:firefox` (part of `npm test`); without Firefox it says how to get it and fails in CI,
 * where `.ci/run` installs it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = resolve('.output/firefox-mv3');
const EXTENSION_ID = 'fail-well@fail-well.app';
// Firefox gives each profile a random host for moz-extension:// pages; this pref fixes ours.
const HOST = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const BASE = `moz-extension://${HOST}`;
const TIMEOUT_MS = 20_000;

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;
const message = (key: string) => en[key]?.message ?? key;

type Json = Record<string, unknown>;

/** A WebDriver BiDi session over one WebSocket: commands by id, events to listeners. */
class Bidi {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  readonly events: Json[] = [];

  private constructor(private socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const data = JSON.parse(String(event.data)) as Json;
      if (data.type === 'event') {
        this.events.push(data);
        return;
      }
      const waiting = this.pending.get(data.id as number);
      if (!waiting) return;
      this.pending.delete(data.id as number);
      if (data.type === 'success') waiting.resolve(data.result as Json);
      else waiting.reject(new Error(`${data.error}: ${data.message}`));
    });
  }

  /** Connect to Firefox's BiDi endpoint. */
  static async connect(url: string): Promise<Bidi> {
    // Node 22+ has WebSocket built in; Node 20 gets it from the `ws` package.
    const Socket: typeof WebSocket =
      globalThis.WebSocket ?? ((await import('ws')).WebSocket as unknown as typeof WebSocket);
    const socket = new Socket(url);
    await new Promise((ready, fail) => {
      socket.addEventListener('open', ready);
      socket.addEventListener('error', () => fail(new Error(`Could not connect to ${url}`)));
    });
    return new Bidi(socket);
  }

  /** Send a command and wait for its result. */
  send(method: string, params: Json = {}): Promise<Json> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise, reject });
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** Start Firefox headless on a fresh profile; resolves with the process and its BiDi URL. */
function startFirefox(profile: string): Promise<{ firefox: ChildProcess; url: string }> {
  const firefox = spawn(
    FIREFOX,
    ['--headless', '--remote-debugging-port=0', '--no-remote', '--profile', profile],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  return new Promise((ready, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`Firefox did not start:\n${log}`)), TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      log += chunk;
      const match = log.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        ready({ firefox, url: `${match[1]}/session` });
      }
    };
    firefox.stdout?.on('data', read);
    firefox.stderr?.on('data', read);
    firefox.on('exit', (code) => fail(new Error(`Firefox exited (${code}):\n${log}`)));
  });
}

/** Preferences for a quiet test profile that knows our extension's page host. */
function writeProfile(profile: string): void {
  const prefs: Record<string, string | boolean | number> = {
    'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: HOST }),
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.normandy.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
  };
  const lines = Object.entries(prefs).map(
    ([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`,
  );
  writeFileSync(join(profile, 'user.js'), `${lines.join('\n')}\n`);
}

/** Run an expression (a promise is awaited) in a browsing context; throws what it throws. */
async function evaluate(bidi: Bidi, context: string, expression: string): Promise<unknown> {
  const result = await bidi.send('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  });
  if (result.type !== 'success') throw new Error(JSON.stringify(result.exceptionDetails));
  return (result.result as Json | undefined)?.value;
}

/** Poll `expression` in a browsing context until it returns a truthy value. */
async function waitFor(
  bidi: Bidi,
  context: string,
  expression: string,
  what: string,
  timeoutMs = TIMEOUT_MS,
) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const result = await bidi.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    last = result;
    const value = (result.result as Json | undefined)?.value;
    if (result.type === 'success' && value) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}; last result: ${JSON.stringify(last)}`);
}

/** The top-level tabs: their ids and URLs. */
async function tabs(bidi: Bidi): Promise<Array<{ context: string; url: string }>> {
  const { contexts } = (await bidi.send('browsingContext.getTree')) as {
    contexts: Array<{ context: string; url: string }>;
  };
  return contexts;
}

/**
 * Go to one of our pages from one of our pages. BiDi may not navigate a tab to a
 * moz-extension:// URL, but an extension page may go to another, as a link would.
 */
async function goTo(bidi: Bidi, context: string, path: string) {
  await bidi.send('script.evaluate', {
    expression: `location.assign(${JSON.stringify(`${BASE}${path}`)})`,
    target: { context },
    awaitPromise: false,
  });
  await waitFor(
    bidi,
    context,
    `location.href === ${JSON.stringify(`${BASE}${path}`)} && document.readyState === 'complete'`,
    path,
  );
}

/** Type text with real key events into the focused element, then (with `submit`) Ctrl+Enter. */
async function typeKeys(bidi: Bidi, context: string, text: string, submit = true) {
  const keys = [...text].flatMap((value) => [
    { type: 'keyDown', value },
    { type: 'keyUp', value },
  ]);
  const CONTROL = '\uE009';
  const ENTER = '\uE007';
  const shortcut = [
    { type: 'keyDown', value: CONTROL },
    { type: 'keyDown', value: ENTER },
    { type: 'keyUp', value: ENTER },
    { type: 'keyUp', value: CONTROL },
  ];
  await bidi.send('input.performActions', {
    context,
    actions: [{ type: 'key', id: 'keyboard', actions: [...keys, ...(submit ? shortcut : [])] }],
  });
}

/** Type text with real key events, then press Ctrl+Enter. */
function typeAndSubmit(bidi: Bidi, context: string, text: string) {
  return typeKeys(bidi, context, text);
}

/** Focus the element `selector` finds (waiting for it), then type `text` into it. */
async function typeInto(bidi: Bidi, context: string, selector: string, text: string) {
  await waitFor(
    bidi,
    context,
    `(() => { const el = document.querySelector(${JSON.stringify(selector)}); el?.focus();
      return el !== null && document.activeElement === el; })()`,
    selector,
  );
  await typeKeys(bidi, context, text, false);
}

/** Click the first button whose text is `label` (waiting for it to be there and enabled). */
async function clickButton(bidi: Bidi, context: string, label: string) {
  await waitFor(
    bidi,
    context,
    `(() => { const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent.trim() === ${JSON.stringify(label)} && !b.disabled);
      button?.click();
      return Boolean(button); })()`,
    `the "${label}" button`,
  );
}

/** The newest stored reflection row, as JSON text, read straight from IndexedDB. */
const NEWEST_ROW = `new Promise((resolve, reject) => {
  const open = indexedDB.open('fail-well');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const request = db.transaction('reflections').objectStore('reflections')
      .index('by-createdAt').openCursor(null, 'prev');
    request.onsuccess = () => { db.close(); resolve(JSON.stringify(request.result?.value ?? null)); };
    request.onerror = () => reject(request.error);
  };
})`;

const results: Array<{ name: string; error?: string }> = [];

/** One named check: recorded as passed or failed, never stopping the ones after it. */
async function check(name: string, run: () => Promise<void>) {
  try {
    await run();
    results.push({ name });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, error: String(error) });
    console.log(`  ✗ ${name}\n    ${String(error).replaceAll('\n', '\n    ')}`);
  }
}

async function main(): Promise<number> {
  if (!existsSync(FIREFOX)) {
    console.log(
      `Firefox was not found at ${FIREFOX}. Install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.`,
    );
    return process.env.CI ? 1 : 0;
  }
  if (!existsSync(join(BUILD, 'manifest.json'))) {
    console.log('No Firefox build: run `npm run build:firefox` first.');
    return 1;
  }
  const profile = mkdtempSync(join(tmpdir(), 'fail-well-firefox-'));
  mkdirSync(profile, { recursive: true });
  writeProfile(profile);
  const { firefox, url } = await startFirefox(profile);
  let bidi: Bidi | undefined;
  try {
    bidi = await Bidi.connect(url);
    const session = bidi;
    await session.send('session.new', { capabilities: {} });
    await session.send('session.subscribe', { events: ['log.entryAdded'] });
    console.log('Firefox smoke test');

    await check('the build installs as a temporary add-on', async () => {
      const { extension } = await session.send('webExtension.install', {
        extensionData: { type: 'path', path: BUILD },
      });
      if (extension !== EXTENSION_ID) throw new Error(`Installed as ${String(extension)}`);
    });

    // The welcome page the background opens is the way into our other pages.
    let context = '';
    await check('the background opens the welcome page on install', async () => {
      const deadline = Date.now() + TIMEOUT_MS;
      for (;;) {
        const open = await tabs(session);
        const welcome = open.find((tab) => tab.url.startsWith(`${BASE}/options.html`));
        if (welcome) {
          context = welcome.context;
          return;
        }
        if (Date.now() > deadline) throw new Error(`Open: ${open.map((t) => t.url).join(', ')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    if (!context) return finish();
    const lesson = 'Firefox keeps my lesson too';

    await check('the popup opens with the first question focused', async () => {
      await goTo(session, context, '/popup.html');
      await waitFor(
        session,
        context,
        `document.activeElement?.tagName === 'TEXTAREA'`,
        'the first answer to have focus',
      );
    });

    await check('a reflection typed and saved with Ctrl+Enter is confirmed', async () => {
      await typeAndSubmit(session, context, lesson);
      const saved = JSON.stringify(message('popupSavedTitle'));
      await waitFor(
        session,
        context,
        `document.body.innerText.includes(${saved})`,
        `"${message('popupSavedTitle')}"`,
      );
    });

    await check('the review page lists the saved reflection', async () => {
      await goTo(session, context, '/options.html#/lessons');
      await waitFor(
        session,
        context,
        `document.querySelector('main')?.innerText.includes(${JSON.stringify(lesson)})`,
        'the lesson on the review page',
      );
    });

    await check('search finds it, highlighted, answered by the search worker', async () => {
      await evaluate(
        session,
        context,
        `(() => {
          const box = document.querySelector('input[type="search"]');
          box.focus();
          box.value = 'keep';
          box.dispatchEvent(new Event('input', { bubbles: true }));
        })()`,
      );
      // The list status says whether a Worker answers: false would mean the page fell back.
      await waitFor(
        session,
        context,
        `[...document.querySelectorAll('main mark')].some((m) => m.textContent === 'keeps') &&
          document.querySelector('[data-search-worker]')?.getAttribute('data-search-worker') === 'true'`,
        'a marked "keeps" in the results, from the search worker',
      );
    });

    await check('the review page speaks from the catalogue', async () => {
      const expected = [message('optionsPageTitle'), message('sectionInsights')];
      await waitFor(
        session,
        context,
        `document.title === ${JSON.stringify(expected[0])} && document.body.innerText.includes(${JSON.stringify(expected[1])})`,
        `the title "${expected[0]}" and the "${expected[1]}" section`,
      );
    });

    await check('a schedule alarm wakes the background and shows a notification', async () => {
      // Quiet hours off, so the check does not depend on the hour CI runs at; notifications,
      // which Firefox shows without buttons (it rejects them). The background records a
      // notification nudge in storage only once the notification was created.
      await evaluate(
        session,
        context,
        `(async () => {
          const { settings = {} } = await browser.storage.sync.get('settings');
          const nudges = settings.nudges ?? {};
          await browser.storage.sync.set({ settings: { ...settings, nudges: { ...nudges,
            quietHours: { enabled: false, start: '22:00', end: '07:00' },
            schedule: { ...nudges.schedule, enabled: true, delivery: 'notification' },
          } } });
        })()`,
      );
      // The worker re-plans when settings change, which could overwrite a ring set at the
      // same moment: set one due in a second, and once more if the re-plan won.
      const ring = `(async () => {
        const when = Date.now() + 1000;
        const { nudgeState = {} } = await browser.storage.local.get('nudgeState');
        await browser.storage.local.set({ nudgeState: { ...nudgeState, scheduledAt: when } });
        await browser.alarms.create('fail-well-nudge', { when });
      })()`;
      const recorded = `browser.storage.local.get('nudgeState').then(({ nudgeState }) =>
        Object.keys(nudgeState?.notifications ?? {}).some((id) => id.startsWith('fail-well-nudge:')))`;
      for (let attempt = 1; ; attempt++) {
        await new Promise((r) => setTimeout(r, 1000));
        await evaluate(session, context, ring);
        try {
          await waitFor(session, context, recorded, 'a notification nudge', 5000);
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    });

    // The lock, on Firefox's own WebCrypto (PBKDF2, ECDH P-256, AES-GCM) and storage.session.
    const passphrase = 'river stones at dawn';
    const marker = 'Firefox seals OKAPI42';
    await check('the lock switches on from Preferences, and locks now', async () => {
      await goTo(session, context, '/options.html#/preferences');
      await clickButton(session, context, message('lockTurnOn'));
      const fields = '.lock-card input[type="password"]';
      await typeInto(session, context, fields, passphrase);
      await evaluate(
        session,
        context,
        `document.querySelectorAll(${JSON.stringify(fields)})[1].focus()`,
      );
      await typeKeys(session, context, passphrase, false);
      await evaluate(
        session,
        context,
        `document.querySelector('.lock-card input[type="checkbox"]').click()`,
      );
      await clickButton(session, context, message('lockTurnOn'));
      // The recovery key is shown once; the status says the journal is locked with a passphrase.
      await clickButton(session, context, message('lockRecoveryDone'));
      await waitFor(
        session,
        context,
        `document.body.innerText.includes(${JSON.stringify(message('lockOnStatus'))})`,
        'the lock to be on',
      );
      await clickButton(session, context, message('lockNow'));
      await waitFor(
        session,
        context,
        `document.body.innerText.includes(${JSON.stringify(message('unlockTitle'))})`,
        'the page to show the journal locked',
      );
      // "Lock now" reloads the page into its locked form: let that reload finish before the
      // next step navigates this tab, or the two navigations race on a loaded machine.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });

    await check('with the lock on and locked, the popup saves without the passphrase', async () => {
      await goTo(session, context, '/popup.html');
      await waitFor(
        session,
        context,
        `document.activeElement?.tagName === 'TEXTAREA'`,
        'the first answer to have focus',
      );
      await typeAndSubmit(session, context, marker);
      await waitFor(
        session,
        context,
        `document.body.innerText.includes(${JSON.stringify(message('popupSavedTitle'))})`,
        `"${message('popupSavedTitle')}"`,
      );
      const row = String(await evaluate(session, context, NEWEST_ROW));
      const stored = JSON.parse(row) as { sealed?: { f?: string } } | null;
      if (stored?.sealed?.f !== 'pk' || row.includes('OKAPI42')) {
        throw new Error(`The newest row is not sealed to the public key: ${row.slice(0, 300)}`);
      }
    });

    await check(
      'the review page unlocks with the passphrase and shows the reflection',
      async () => {
        await goTo(session, context, '/options.html#/lessons');
        await typeInto(session, context, '#unlock-secret', passphrase);
        await clickButton(session, context, message('unlockButton'));
        await waitFor(
          session,
          context,
          `document.querySelector('main')?.innerText.includes(${JSON.stringify(marker)})`,
          'the sealed reflection on the unlocked review page',
          // PBKDF2 with 600,000 rounds, then opening every row: slow on a loaded machine.
          TIMEOUT_MS * 3,
        );
      },
    );

    await check('no errors were logged by the extension', async () => {
      const errors = session.events
        .map((e) => e.params as Json)
        .filter((p) => p.level === 'error' && String(JSON.stringify(p)).includes(HOST));
      if (errors.length > 0) throw new Error(errors.map((e) => JSON.stringify(e)).join('\n'));
    });
  } finally {
    bidi?.close();
    firefox.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  return finish();
}

/** Write the results where CI's summary finds them; the exit code says whether all passed. */
function finish(): number {
  const failed = results.filter((r) => r.error).length;
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    'test-results/firefox.json',
    JSON.stringify({ passed: results.length - failed, failed, results }, null, 2),
  );
  console.log(`Firefox: ${results.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

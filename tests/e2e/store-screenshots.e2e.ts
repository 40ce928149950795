/**
 * Store images, 1280×800 as both stores ask: the popup (composited onto a captioned canvas),
 * the review list, insights and follow-through, seeded with believable reflections, in light
 * and dark, English and German. German is the browser's UI language (`--lang=de`), so these
 * also prove the extension follows it.
 *
 * `npm run store-screenshots` writes all sixteen to store-listing/screenshots/ (and German
 * popup and review pictures to docs/screenshots/). A normal test run makes only the English
 * light set, into test-results/, so the script cannot rot.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { closeFirstRunTab, expect, launchWithExtension, serviceWorker, test } from './fixtures';
import { seedReflections } from './seed';
import { type StoreLanguage, storeReflections } from './store-reflections';

const all = Boolean(process.env.STORE_SCREENSHOTS);
const dir = all ? 'store-listing/screenshots' : 'test-results/store-screenshots';
const SIZE = { width: 1280, height: 800 };

// Chromium's own locale names: `--lang=de-DE` is not one, and leaves the browser in English.
const LOCALES: Record<StoreLanguage, string> = { en: 'en-US', de: 'de' };

/** Captions on the popup image: store copy (store-listing/), not extension UI. */
const CAPTION: Record<StoreLanguage, { title: string; lines: string[] }> = {
  en: {
    title: 'A minute for the lesson, while it still stings.',
    lines: [
      'What happened? What did I learn? What will I do next time?',
      'Kept only on your device. Nothing is ever sent anywhere.',
    ],
  },
  de: {
    title: 'Eine Minute für die Lektion, solange es noch zwickt.',
    lines: [
      'Was ist passiert? Was habe ich gelernt? Was tue ich nächstes Mal?',
      'Nur auf deinem Gerät gespeichert. Nichts wird je verschickt.',
    ],
  },
};

/** A message from the shipped catalogue, to find things by the name the user sees. */
function message(language: StoreLanguage, key: string): string {
  const path = join('public/_locales', language, 'messages.json');
  const catalogue = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string }>;
  const entry = catalogue[key];
  if (!entry) throw new Error(`No message ${key} in ${path}`);
  return entry.message;
}

async function launch(language: StoreLanguage) {
  const profile = mkdtempSync(join(tmpdir(), 'fail-well-store-'));
  const context = await launchWithExtension(profile, undefined, LOCALES[language]);
  const id = new URL((await serviceWorker(context)).url()).host;
  await closeFirstRunTab(context);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, id, close };
}

async function open(
  context: BrowserContext,
  url: string,
  scheme: 'light' | 'dark',
  size = SIZE,
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(url);
  return page;
}

/** The popup with its first answers typed, as a PNG of the popup alone. */
async function popupImage(
  context: BrowserContext,
  id: string,
  language: StoreLanguage,
  scheme: 'light' | 'dark',
): Promise<Buffer> {
  const popup = await open(context, `chrome-extension://${id}/popup.html`, scheme, {
    width: 380,
    height: 600,
  });
  const [first] = storeReflections(language, Date.now()) as Array<{
    answers: { happened: string; learned: string };
  }>;
  const fields = popup.getByRole('textbox');
  await fields.nth(0).fill(first?.answers.happened ?? '');
  await fields.nth(1).fill(first?.answers.learned ?? '');
  await popup.getByRole('radio').nth(2).check();
  await popup.locator(':focus').evaluate((element) => (element as HTMLElement).blur());
  const height = await popup.evaluate(() => document.body.scrollHeight);
  await popup.setViewportSize({ width: 380, height });
  const png = await popup.screenshot();
  await popup.close();
  return png;
}

/** The popup on a 1280×800 canvas in the theme's colours, with a caption beside it. */
async function composite(
  context: BrowserContext,
  png: Buffer,
  language: StoreLanguage,
  scheme: 'light' | 'dark',
  path: string,
): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(SIZE);
  await page.emulateMedia({ colorScheme: scheme });
  const caption = CAPTION[language];
  const dark = scheme === 'dark';
  await page.setContent(`<!doctype html><html lang="${language}"><body>
    <main>
      <section>
        <p class="name">Fail Well</p>
        <h1></h1>
        <ul></ul>
      </section>
      <figure><img alt="" src="data:image/png;base64,${png.toString('base64')}"></figure>
    </main>
    <style>
      /* theme.css's colours: --bg, --text, --accent, --accent-soft in each scheme. */
      * { box-sizing: border-box; margin: 0; }
      body { width: 1280px; height: 800px; overflow: hidden;
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
        background: ${dark ? '#17191c' : '#fbfaf7'};
        color: ${dark ? '#e8e6e3' : '#1f2328'}; }
      main { display: flex; align-items: center; gap: 72px; height: 100%; padding: 0 96px; }
      section { flex: 1; }
      .name { font-size: 22px; font-weight: 700; letter-spacing: .02em; color: ${dark ? '#5fc3a6' : '#1f6f5c'}; margin-bottom: 20px; }
      h1 { font-size: 48px; line-height: 1.15; font-weight: 700; margin-bottom: 32px; }
      li { font-size: 21px; line-height: 1.5; margin: 0 0 12px 1.1em; color: ${dark ? '#bdbab5' : '#4d535a'}; }
      /* Flat colours, not gradients: they keep the PNG small. */
      figure { flex: none; position: relative; }
      figure::before { content: ''; position: absolute; z-index: -1; inset: -120px -160px;
        border-radius: 50%; background: ${dark ? '#1c3530' : '#e2f1ec'}; }
      img { display: block; max-height: 720px; border-radius: 14px;
        box-shadow: 0 24px 60px rgba(0,0,0,${dark ? '.55' : '.18'}), 0 0 0 1px rgba(${dark ? '255,255,255,.08' : '0,0,0,.06'}); }
    </style></body></html>`);
  // Captions set as text, never as markup.
  await page.evaluate(({ title, lines }) => {
    const h1 = document.querySelector('h1');
    if (h1) h1.textContent = title;
    const list = document.querySelector('ul');
    for (const line of lines) {
      const item = document.createElement('li');
      item.textContent = line;
      list?.append(item);
    }
  }, caption);
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await page.screenshot({ path });
  await page.close();
}

const runs = all
  ? (['en', 'de'] as const).flatMap((language) =>
      (['light', 'dark'] as const).map((scheme) => ({ language, scheme })),
    )
  : [{ language: 'en' as const, scheme: 'light' as const }];

for (const { language, scheme } of runs) {
  test(`store images, 1280×800, ${language} ${scheme}`, async () => {
    test.setTimeout(120_000);
    mkdirSync(dir, { recursive: true });
    const name = (view: string) => join(dir, `${view}-${language}-${scheme}.png`);
    const { context, id, close } = await launch(language);
    try {
      const options = await open(context, `chrome-extension://${id}/options.html`, scheme);
      // The page speaks the browser's language: German here only because of --lang.
      const ui = await options.evaluate(() => {
        const { chrome } = globalThis as unknown as {
          chrome: { i18n: { getUILanguage(): string } };
        };
        return chrome.i18n.getUILanguage();
      });
      expect(ui).toBe(LOCALES[language]);
      await expect(
        options.getByRole('heading', { name: message(language, 'firstRunTitle') }),
      ).toBeVisible();
      const now = Date.now();
      await seedReflections(options, 0, now, storeReflections(language, now));
      await expect(options.getByRole('article').first()).toBeVisible();
      await options
        .getByRole('button', { name: message(language, 'readAllAnswers') })
        .first()
        .click();
      // The list is the point of this image: scroll the cards above it away, search box on top.
      await options
        .getByRole('searchbox')
        .evaluate((box) => window.scrollBy(0, box.getBoundingClientRect().top - 12));
      await options.screenshot({ path: name('review') });

      await options.goto(`chrome-extension://${id}/options.html#/insights`);
      await expect(
        options.getByRole('heading', { name: message(language, 'chartPerWeekTitle') }),
      ).toBeVisible();
      await options.evaluate(() => window.scrollTo(0, 0)); // a hash route keeps the scroll
      await options.screenshot({ path: name('insights') });

      await options.goto(`chrome-extension://${id}/options.html#/follow-through`);
      await expect(
        options.getByRole('article', { name: message(language, 'followDidYouApply') }),
      ).toBeVisible();
      await options.evaluate(() => window.scrollTo(0, 0)); // a hash route keeps the scroll
      await options.screenshot({ path: name('follow-through') });

      const popup = await popupImage(context, id, language, scheme);
      await composite(context, popup, language, scheme, name('popup'));

      // German twins of README's popup and review-page pictures (docs/screenshots/).
      if (all && language === 'de') {
        writeFileSync(`docs/screenshots/popup-de-${scheme}.png`, popup);
        const review = await open(context, `chrome-extension://${id}/options.html`, scheme, {
          width: 900,
          height: 600,
        });
        await expect(review.getByRole('article').first()).toBeVisible();
        await review.screenshot({ path: `docs/screenshots/options-de-${scheme}.png` });
      }
    } finally {
      await close();
    }
  });
}

/**
 * axe-core on every page and section, in both colour schemes: zero violations.
 * Sections are found from the page's own navigation, so a new section is checked too.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { reflection, seedReflections } from './seed';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`popup has no accessibility violations (${scheme})`, async ({ openPage }) => {
    const popup = await openPage('popup.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup
      .getByRole('textbox', { name: 'What happened?' })
      .fill("I'm so stupid, I forgot the demo");
    await expect(popup.getByRole('status')).toBeVisible();
    expect(await violations(popup)).toEqual([]);
    await popup.keyboard.press('Control+Enter');
    await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
    expect(await violations(popup)).toEqual([]);
  });

  test(`every options section has no accessibility violations (${scheme})`, async ({
    openPage,
  }) => {
    // Seven sections, each scanned by axe: about 30 s alone, twice that on a loaded machine.
    test.setTimeout(150_000);
    const options = await openPage('options.html');
    await options.emulateMedia({ colorScheme: scheme });
    // The first-run state, then a page with reflections.
    expect(await violations(options)).toEqual([]);
    // One lesson edited on two synced devices, so "keep which?" is scanned too.
    const twice = {
      ...reflection('two-versions', Date.now() - 3_600_000, { learned: 'Ask early' }),
      conflicts: [{ field: 'answers.learned', versions: ['Ask early', 'Ask the team early'] }],
    };
    await seedReflections(options, 40, Date.now(), [twice]);
    await options.reload();
    await expect(options.getByRole('article').first()).toBeVisible();
    await expect(options.getByRole('region', { name: /^Edited on two devices/ })).toBeVisible();
    const sections = await options
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link')
      .all();
    expect(sections.length).toBeGreaterThan(1);
    for (const link of sections) {
      await link.click();
      await expect(link).toHaveAttribute('aria-current', 'page');
      expect({ section: await link.textContent(), violations: await violations(options) }).toEqual({
        section: await link.textContent(),
        violations: [],
      });
    }
  });
}

// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Preferences } from '../../../../entrypoints/options/sections/Preferences';
import { parseTemplates } from '../../../../utils/reflections/own-templates';
import { knowTemplates } from '../../../../utils/reflections/own-templates-read-store';
import { QUOTA_BYTES_PER_ITEM, syncItemBytes } from '../../../../utils/settings/settings-quota';
import { getSettings, setSettings } from '../../../../utils/settings/settings-store';
import { useLanguage } from '../../../i18n-fake';

// The section loads its Templates card lazily. Loaded once here, so an import still on its way
// when a test ends cannot land after the environment is gone (an unhandled error that fails
// the run on a slow machine).
beforeAll(() => import('../../../../entrypoints/options/sections/templates/TemplatesCard'));

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
});

const group = (name: string) => screen.getByRole('group', { name });

describe('Preferences section', () => {
  it('shows the stored choices: the defaults on a fresh install', async () => {
    render(<Preferences />);
    const scheme = await screen.findByRole('group', { name: 'Colour scheme' });
    expect(within(scheme).getByRole('radio', { name: 'Same as my system' })).toHaveProperty(
      'checked',
      true,
    );
    const template = group('Start with this template');
    expect(
      within(template)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['quick', 'aar', 'gibbs', 'postmortem', 'ssc', 'one']);
    expect(within(template).getByRole('radio', { name: 'Quick' })).toHaveProperty('checked', true);
    expect(
      screen.getByRole('checkbox', { name: 'Attach the page I’m on by default' }),
    ).toHaveProperty('checked', false);
  });

  it('choosing dark stores it, darkens this page at once and says it was saved', async () => {
    render(<Preferences />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    await waitFor(async () => expect((await getSettings()).theme).toBe('dark'));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Settings saved.');

    fireEvent.click(screen.getByRole('radio', { name: 'Same as my system' }));
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    await waitFor(async () => expect((await getSettings()).theme).toBe('system'));
  });

  it('the default template and "attach this page" are stored, each with its hint', async () => {
    render(<Preferences />);
    const gibbs = await screen.findByRole('radio', { name: 'Gibbs cycle' });
    // The one-line hint is the radio's description, not part of its name.
    expect(gibbs.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(gibbs);
    await waitFor(async () => expect((await getSettings()).defaultTemplate).toBe('gibbs'));

    fireEvent.click(screen.getByRole('checkbox', { name: 'Attach the page I’m on by default' }));
    await waitFor(async () => expect((await getSettings()).attachPageByDefault).toBe(true));
    // Nothing else was touched.
    const stored = await getSettings();
    expect(stored.theme).toBe('system');
    expect(stored.selfBlameHints).toBe(true);
  });

  it('offers own templates as the one to start with, and leaves hidden built-ins out', async () => {
    knowTemplates(
      parseTemplates({
        own: [
          {
            id: 'own-retro',
            name: 'Team retro',
            questions: [{ id: 'qa', role: 'happened', text: 'What went sideways?', hint: '' }],
          },
        ],
        hidden: ['gibbs'],
        byTrigger: {},
      }),
    );
    onTestFinished(() => {
      knowTemplates(parseTemplates(null));
    });
    await setSettings({ ...(await getSettings()), defaultTemplate: 'own-retro' });
    render(<Preferences />);
    const template = await screen.findByRole('group', { name: 'Start with this template' });
    await waitFor(() =>
      expect(within(template).getByRole('radio', { name: 'Team retro' })).toHaveProperty(
        'checked',
        true,
      ),
    );
    expect(
      within(template)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['quick', 'aar', 'postmortem', 'ssc', 'one', 'own-retro']);
  });

  it('keeps a change made in another tab while this one was open', async () => {
    render(<Preferences />);
    const aar = await screen.findByRole('radio', { name: 'After-Action Review' });
    // Another page switches self-blame hints off behind this one's back.
    await setSettings({ ...(await getSettings()), selfBlameHints: false, theme: 'light' });
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Light' })).toHaveProperty('checked', true),
    );
    fireEvent.click(aar);
    await waitFor(async () => expect((await getSettings()).defaultTemplate).toBe('aar'));
    expect((await getSettings()).selfBlameHints).toBe(false);
  });

  it('says so when the browser refuses the write, and shows what is really kept', async () => {
    render(<Preferences />);
    const dark = await screen.findByRole('radio', { name: 'Dark' });
    // Asynchronously, as the browser does: the promise rejects, nothing throws at the call.
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementationOnce(async () => {
      throw new Error('Resource::kMaxWriteOperationsPerMinute quota exceeded');
    });
    fireEvent.click(dark);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Settings changed very often just now, and your browser asks for a pause. Wait a minute, then change it again — what you typed is still here.',
      ),
    );
    expect(screen.queryByText('Settings saved.')).toBeNull();
    expect((await getSettings()).theme).toBe('system');
    expect(screen.getByRole('radio', { name: 'Same as my system' })).toHaveProperty(
      'checked',
      true,
    );
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('a choice that would make the settings too long to keep is refused in words, nothing stored', async () => {
    // Sites stored elsewhere fill the item to 3 bytes short of the quota: "quick" fits,
    // "postmortem" (5 characters longer) does not.
    const stored = await getSettings();
    const withSites = (patterns: string[]) => ({
      ...stored,
      nudges: { ...stored.nudges, site: { ...stored.nudges.site, patterns } },
    });
    const site = (i: number, length: number) => `s${i}.example/${'x'.repeat(length)}`;
    const full: string[] = [];
    const free = () =>
      QUOTA_BYTES_PER_ITEM - syncItemBytes('settings', withSites([...full, site(99, 0)]));
    while (free() > 150) full.push(site(full.length, 180));
    await setSettings(withSites([...full, site(99, free() - 3)]));
    expect(QUOTA_BYTES_PER_ITEM - syncItemBytes('settings', await getSettings())).toBe(3);
    render(<Preferences />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Personal postmortem' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'These settings are too long to keep — shorten the list of sites by about 2 characters. What you typed is still here.',
      ),
    );
    expect((await getSettings()).defaultTemplate).toBe('quick');
    expect(screen.getByRole('radio', { name: 'Quick' })).toHaveProperty('checked', true);
  });

  it('points to where the other settings live', async () => {
    render(<Preferences />);
    const more = await screen.findByRole('navigation', { name: 'More settings' });
    expect(
      within(more)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Nudges', '#/nudges'],
      ['Follow-through', '#/follow-through'],
      ['Data', '#/data'],
    ]);
  });

  it('speaks German when the browser does', async () => {
    useLanguage('de');
    render(<Preferences />);
    expect(await screen.findByRole('heading', { name: 'Einstellungen' })).toBeTruthy();
    fireEvent.click(within(group('Farbschema')).getByRole('radio', { name: 'Dunkel' }));
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Die aktuelle Seite standardmäßig anhängen' }),
    );
    await waitFor(async () =>
      expect(await getSettings()).toMatchObject({ theme: 'dark', attachPageByDefault: true }),
    );
    expect(await screen.findByText('Einstellungen gespeichert.')).toBeTruthy();
  });
});

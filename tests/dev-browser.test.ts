import { describe, expect, it } from 'vitest';
import { type DevMachine, devBrowser } from '../scripts/dev-browser';

const desktop: DevMachine = {
  platform: 'linux',
  env: { DISPLAY: ':0' },
  uid: 1000,
  hasChromium: true,
  firefox: 'firefox',
};

describe('npm run dev: which browser opens, and why not', () => {
  it.each<[string, Partial<DevMachine>, string, unknown]>([
    ['a desktop user', {}, 'chrome', { config: { chromiumArgs: [] }, reason: null }],
    [
      'root: without the sandbox',
      { uid: 0 },
      'chrome',
      { config: { chromiumArgs: ['--no-sandbox'] }, reason: null },
    ],
    [
      'Wayland',
      { env: { WAYLAND_DISPLAY: 'wayland-0' } },
      'chrome',
      { config: { chromiumArgs: [] }, reason: null },
    ],
    [
      'no display (a container)',
      { env: {}, uid: 0 },
      'chrome',
      { config: { disabled: true }, reason: 'there is no display here' },
    ],
    [
      'macOS needs no DISPLAY',
      { platform: 'darwin', env: {} },
      'chrome',
      { config: { chromiumArgs: [] }, reason: null },
    ],
    [
      'no Chromium',
      { hasChromium: false },
      'chrome',
      { config: { disabled: true }, reason: 'no Chrome or Chromium was found' },
    ],
    [
      "Debian's Firefox ESR",
      { firefox: 'firefox-esr' },
      'firefox',
      { config: { binaries: { firefox: 'firefox-esr' } }, reason: null },
    ],
    [
      'no Firefox',
      { firefox: null },
      'firefox',
      { config: { disabled: true }, reason: 'no Firefox was found' },
    ],
    [
      'Firefox found by web-ext',
      { platform: 'win32', firefox: undefined },
      'firefox',
      { config: {}, reason: null },
    ],
  ])('%s', (_, machine, browser, expected) => {
    expect(devBrowser({ ...desktop, ...machine }, browser)).toEqual(expected);
  });
});

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { devBrowser, thisMachine } from './scripts/dev-browser';
import { stableChunkNames } from './scripts/stable-chunk-names-plugin';
import { workerMessages } from './scripts/worker-messages-plugin';

// `wxt -b firefox` (npm run dev:firefox) or Chrome: which browser `npm run dev` would open.
// Looked for only by the dev server: a build, zip, prepare or test run opens no browser and
// need not search the machine for one.
const args = process.argv.slice(2);
const serving = !process.env.VITEST && !args.some((a) => ['build', 'zip', 'prepare'].includes(a));
const dev = serving
  ? devBrowser(thisMachine(), args.includes('firefox') ? 'firefox' : 'chrome')
  : { config: { disabled: true }, reason: null };

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports: a reader (and a mock) sees where every name comes from.
  imports: false,
  // npm run dev: Chromium without its sandbox as root, and no browser at all where none can
  // start (no display): WXT then names the folder to load by hand.
  webExt: dev.config,
  hooks: {
    'server:started': (wxt) => {
      if (dev.reason) wxt.logger.info(`No browser opened: ${dev.reason}.`);
    },
  },
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // One source image; every manifest size is generated from it.
  autoIcons: { baseIconPath: 'public/icon.svg', developmentIndicator: 'overlay' },
  vite: () => ({
    // workerMessages: the background's fallback strings, cut down at build time.
    plugins: [preact(), workerMessages(), stableChunkNames()],
    // Preload links let the popup fetch its chunks at once instead of one after another;
    // extension pages run in browsers with native modulepreload, so no polyfill.
    build: {
      modulePreload: { polyfill: false },
      // Shared constants (DAY_MS in utils/core/time-units.ts) are written into each use, not
      // imported across chunks: one definition then costs the popup's start nothing.
      rolldownOptions: {
        optimization: { inlineConst: { mode: 'all', pass: 2 } },
        // The record's rules and the parse helpers in one chunk: the popup's start needs them
        // and so do the options page's lazy importers. Left to itself the bundler splits them
        // off (and its runtime with them) once a lazy chunk shares them, and three small
        // chunks cost the popup's full start budget some 600 bytes more than one.
        output: {
          advancedChunks: {
            groups: [
              {
                name: 'reflection',
                test: /utils[\\/](reflections[\\/](reflection|templates)|core[\\/]parse)\.ts$/,
              },
            ],
          },
        },
      },
    },
  }),
  zip: {
    // The sources addons.mozilla.org asks for: exactly what rebuilds the Firefox zip with
    // `npm ci && npm run build:firefox` (README, "Publishing"), nothing else: no tests,
    // benchmarks, screenshots or reports. Dependencies come from the public npm registry.
    includeSources: [
      'README.md',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'entrypoints/**',
      'components/**',
      'utils/**',
      'public/**',
      'scripts/worker-messages-plugin.ts',
      // wxt.config.ts imports it (chunk names without a hash).
      'scripts/stable-chunk-names-plugin.ts',
      // wxt.config.ts imports it (how npm run dev opens a browser).
      'scripts/dev-browser.ts',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Required: no install-time warning beyond notifications. Anything that reads tabs,
    // navigation or downloads is optional, asked for only when its nudge is switched on.
    // Chrome: unlimitedStorage exempts IndexedDB from quota and eviction, with no install
    // warning. Firefox warns at install for it, so there persistence is asked for from the
    // Data section instead.
    permissions: [
      'storage',
      'activeTab',
      'alarms',
      'idle',
      'notifications',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['unlimitedStorage', 'sidePanel']),
    ],
    // The side panel is the popup page itself (the same capture, the same draft), marked by
    // `?panel` so it can fill the panel instead of a popup's fixed width. No permission warning:
    // Chrome's `sidePanel` shows none, and Firefox's sidebar needs no permission.
    ...(browser === 'firefox'
      ? {
          sidebar_action: {
            default_panel: 'popup.html?panel',
            default_title: '__MSG_extName__',
            open_at_install: false,
          },
        }
      : { side_panel: { default_path: 'popup.html?panel' } }),
    // Automatic backups ask for `downloads` and, in Chrome, `offscreen` (no install warning:
    // its worker has no URL.createObjectURL, so a hidden page builds the file) when switched on.
    optional_permissions: [
      'tabs',
      'webNavigation',
      'downloads',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // Sync reaches only the server the person connects, asked for then (no install warning).
    // Plain http only on this machine: anything else must be https (server-address.ts).
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandOpenPopup__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'fail-well@fail-well.app',
          strict_min_version: '142.0',
          // Nothing leaves the device unless the person connects sync; then the journal goes,
          // encrypted, to their own server. Its records hold pages' titles, addresses and
          // chosen text, so that is declared, asked for when sync is connected.
          data_collection_permissions: {
            required: ['none'],
            optional: ['browsingActivity', 'websiteContent'],
          },
        },
      },
    }),
  }),
});

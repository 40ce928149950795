/**
 * How `npm run dev` opens a browser with the extension (WXT's `webExt` option, run by
 * web-ext). Chromium refuses to start as root unless its sandbox is off, and no browser can
 * start without a display (a container, SSH, CI): then WXT is told not to try, and the
 * developer gets one sentence saying which folder to load by hand instead of a stack trace.
 */
import { execFileSync } from 'node:child_process';
import { Launcher } from 'chrome-launcher';
import type { WebExtConfig } from 'wxt';

export interface DevMachine {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** The user id on POSIX systems (0 is root); undefined on Windows. */
  uid: number | undefined;
  /** Whether a Chrome or Chromium web-ext can start is installed. */
  hasChromium: boolean;
  /**
   * The Firefox binary to start (`firefox`, or Debian's `firefox-esr`), null when none was
   * found, undefined to let web-ext look for it (macOS and Windows keep it off PATH).
   */
  firefox: string | null | undefined;
}

/** What web-ext should do on this machine, and why it will not open a browser when it will not. */
export function devBrowser(
  machine: DevMachine,
  browser: string,
): { config: WebExtConfig; reason: string | null } {
  const noDisplay =
    machine.platform === 'linux' && !machine.env.DISPLAY && !machine.env.WAYLAND_DISPLAY;
  if (noDisplay) return { config: { disabled: true }, reason: 'there is no display here' };
  if (browser === 'firefox') {
    if (machine.firefox === null)
      return { config: { disabled: true }, reason: 'no Firefox was found' };
    return {
      config: machine.firefox ? { binaries: { firefox: machine.firefox } } : {},
      reason: null,
    };
  }
  if (!machine.hasChromium)
    return { config: { disabled: true }, reason: 'no Chrome or Chromium was found' };
  // Chromium exits at once as root with its sandbox on ("Running as root without --no-sandbox
  // is not supported"), which web-ext reports only as "read ECONNRESET".
  return { config: { chromiumArgs: machine.uid === 0 ? ['--no-sandbox'] : [] }, reason: null };
}

/** The first of `names` on PATH, or null. */
function onPath(names: string[]): string | null {
  for (const name of names) {
    try {
      execFileSync(process.platform === 'win32' ? 'where' : 'which', [name], { stdio: 'ignore' });
      return name;
    } catch {
      // Not installed under this name: try the next.
    }
  }
  return null;
}

/** This machine, as `devBrowser` needs to know it. */
export function thisMachine(): DevMachine {
  let hasChromium: boolean;
  try {
    hasChromium = process.env.CHROME_PATH !== undefined || Launcher.getInstallations().length > 0;
  } catch {
    hasChromium = false;
  }
  return {
    platform: process.platform,
    env: process.env,
    uid: process.getuid?.(),
    hasChromium,
    firefox: process.platform === 'linux' ? onPath(['firefox', 'firefox-esr']) : undefined,
  };
}

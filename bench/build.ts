/**
 * The benchmarks' thin file-system layer: read the Chrome build into memory, and build again
 * when any source file is newer than it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXTENSION_PATH } from '../tests/e2e/fixtures';
import type { BuildFiles } from './sizes';

/** Everything that goes into the build; a change to any of it makes the build stale. */
const SOURCES = ['entrypoints', 'components', 'utils', 'public', 'wxt.config.ts', 'package.json'];

function walk(path: string, out: string[]): string[] {
  if (!existsSync(path)) return out;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path)) walk(join(path, name), out);
  } else {
    out.push(path);
  }
  return out;
}

/** Every file of a build folder, by path relative to it (with "/" separators). */
export function readBuild(dir: string = EXTENSION_PATH): BuildFiles {
  const files = new Map<string, Uint8Array>();
  for (const path of walk(dir, [])) {
    files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
  }
  return files;
}

/** Newest modification time among the sources, in ms. */
function newestSource(root: string): number {
  let newest = 0;
  for (const source of SOURCES) {
    for (const path of walk(join(root, source), []))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Build the Chrome extension unless `.output/chrome-mv3` is newer than every source file. */
export function ensureFreshBuild(root: string = resolve('.')): 'built' | 'fresh' {
  const manifest = join(EXTENSION_PATH, 'manifest.json');
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newestSource(root)) return 'fresh';
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return 'built';
}

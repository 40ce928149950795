// Checks the store packages `npm run zip` made in .output/: each zip exists and holds a
// Manifest V3 manifest.json (Firefox's with its gecko id and data_collection_permissions),
// and no source maps, tests or dev-only pages; the sources zip Mozilla asks for holds what
// rebuilds the add-on and no node_modules, build output or tests. Prints each zip's size.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const zips = {
  chrome: join('.output', `${pkg.name}-${pkg.version}-chrome.zip`),
  firefox: join('.output', `${pkg.name}-${pkg.version}-firefox.zip`),
  sources: join('.output', `${pkg.name}-${pkg.version}-sources.zip`),
};

/** The entries of a zip (name → a reader of its contents), from its central directory. */
function readZip(path) {
  const zip = readFileSync(path);
  // The end-of-central-directory record sits within the last 64 KB + 22 bytes.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${path} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: broken central directory`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + compressed);
    entries.set(name, () => (method === 8 ? inflateRawSync(raw) : raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const problems = [];
const expect = (ok, message) => ok || problems.push(message);

/** A store package: a Manifest V3 add-on with nothing a store or a user does not need. */
function checkPackage(browser, path) {
  const entries = readZip(path);
  const names = [...entries.keys()];
  expect(entries.has('manifest.json'), `${path}: no manifest.json at the top`);
  const manifest = entries.has('manifest.json')
    ? JSON.parse(entries.get('manifest.json')().toString('utf8'))
    : {};
  expect(
    manifest.manifest_version === 3,
    `${path}: manifest_version ${manifest.manifest_version}, not 3`,
  );
  expect(
    manifest.version === pkg.version,
    `${path}: version ${manifest.version}, not ${pkg.version}`,
  );
  for (const file of [
    'popup.html',
    'options.html',
    '_locales/en/messages.json',
    '_locales/de/messages.json',
  ]) {
    expect(entries.has(file), `${path}: ${file} missing`);
  }
  const background =
    browser === 'firefox' ? manifest.background?.scripts?.[0] : manifest.background?.service_worker;
  expect(background && entries.has(background), `${path}: background script ${background} missing`);
  const gecko = manifest.browser_specific_settings?.gecko;
  if (browser === 'firefox') {
    expect(
      typeof gecko?.id === 'string' && gecko.id.length > 0,
      `${path}: no browser_specific_settings.gecko.id`,
    );
    expect(
      JSON.stringify(gecko?.data_collection_permissions?.required) === '["none"]',
      `${path}: data_collection_permissions does not say "none"`,
    );
  } else {
    expect(
      !manifest.browser_specific_settings,
      `${path}: Firefox-only keys in the Chrome manifest`,
    );
  }
  const unwanted = names.filter((name) =>
    /\.map$|\.(test|spec|e2e)\.|(^|\/)(tests?|node_modules|bench)\/|blank\.html$|\.ts$/.test(name),
  );
  expect(unwanted.length === 0, `${path}: should not ship ${unwanted.join(', ')}`);
  return names.length;
}

/** The sources zip for Mozilla's review: enough to rebuild, nothing that is not source. */
function checkSources(path) {
  const names = [...readZip(path).keys()];
  for (const file of [
    'package.json',
    'package-lock.json',
    'wxt.config.ts',
    'tsconfig.json',
    'README.md',
    'entrypoints/background.ts',
    'public/_locales/en/messages.json',
  ]) {
    expect(names.includes(file), `${path}: ${file} missing (a reviewer cannot rebuild without it)`);
  }
  // The build config's own imports (./scripts/…) are needed to rebuild too.
  for (const [, local] of readFileSync('wxt.config.ts', 'utf8').matchAll(/from '\.\/([^']+)'/g)) {
    const file = `${local}.ts`;
    expect(names.includes(file), `${path}: ${file} missing (wxt.config.ts imports it)`);
  }
  const unwanted = names.filter(
    (name) =>
      /(^|\/)(node_modules|\.output|\.wxt|test-results|tests|bench)\/|\.(test|e2e)\.tsx?$|\.png$/.test(
        name,
      ) && !name.startsWith('public/'),
  );
  expect(unwanted.length === 0, `${path}: should not contain ${unwanted.slice(0, 5).join(', ')}…`);
  return names.length;
}

for (const [kind, path] of Object.entries(zips)) {
  let files;
  try {
    files = kind === 'sources' ? checkSources(path) : checkPackage(kind, path);
  } catch (error) {
    problems.push(`${path}: ${error.message}`);
    continue;
  }
  console.log(`${path}: ${statSync(path).size.toLocaleString('en')} B, ${files} files`);
}
for (const problem of problems) console.log(`✗ ${problem}`);
console.log(
  problems.length ? `zips: ${problems.length} problems` : 'zips: all three as the stores want them',
);
process.exit(problems.length ? 1 : 0);

// Runs `web-ext lint` on the Firefox build and fails on any error or on any warning we have not
// explained. The one explained warning: Preact's renderer assigns `innerHTML` to support
// `dangerouslySetInnerHTML`, which our code never uses (user text is always rendered as text).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = '.output/firefox-mv3';

/** Whether a warning is Preact's own dangerouslySetInnerHTML branch, checked at its location. */
function isPreactInnerHtml(message) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file) return false;
  const line =
    readFileSync(join(dir, message.file), 'utf8').split('\n')[(message.line ?? 1) - 1] ?? '';
  const near = line.slice(Math.max(0, (message.column ?? 0) - 300), (message.column ?? 0) + 100);
  return /\.innerHTML=\w+\.__html/.test(near) && near.includes('dangerouslySetInnerHTML');
}

let report;
try {
  report = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json'], {
    encoding: 'utf8',
  });
} catch (error) {
  // web-ext exits non-zero when it finds errors; the JSON is still on stdout.
  report = error.stdout;
}
const { errors, warnings, notices } = JSON.parse(report);
const unexplained = [...errors, ...warnings.filter((w) => !isPreactInnerHtml(w))];
for (const m of [...unexplained, ...notices]) {
  console.log(`${m._type}: ${m.code} ${m.file ?? ''}:${m.line ?? ''} — ${m.message}`);
}
const explained = warnings.length - warnings.filter((w) => !isPreactInnerHtml(w)).length;
console.log(
  `web-ext lint: ${errors.length} errors, ${warnings.length} warnings (${explained} explained: Preact's innerHTML branch), ${notices.length} notices`,
);
process.exit(unexplained.length > 0 ? 1 : 0);

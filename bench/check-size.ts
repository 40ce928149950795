/**
 * `npm run check:size`: fails when an entrypoint's gzipped JavaScript grows past its budget
 * in bench/size-budget.json. Reads the existing build (`npm run build` first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_PATH } from '../tests/e2e/fixtures';
import { readBuild } from './build';
import { budgetFromFile, checkBudgets, entrypointSizes } from './sizes';

if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) {
  console.error(`No build at ${EXTENSION_PATH}: run "npm run build" first.`);
  process.exit(1);
}
const budget = budgetFromFile(JSON.parse(readFileSync('bench/size-budget.json', 'utf8')));
const { lines, over } = checkBudgets(entrypointSizes(readBuild()), budget);
console.log(`Entrypoint sizes (bench/size-budget.json):\n${lines.join('\n')}`);
if (over.length > 0) {
  console.error(`\nSize budget exceeded:\n${over.map((line) => `  ${line}`).join('\n')}`);
  console.error('Make it smaller, or raise the budget in bench/size-budget.json and say why.');
  process.exit(1);
}

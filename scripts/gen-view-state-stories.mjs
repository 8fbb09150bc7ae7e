// Writes stories/view-states.stories.ts from the view-state registry (see scripts/view-state-stories.ts).
//   node scripts/gen-view-state-stories.mjs           write it when it changed (npm run stories:generate)
//   node scripts/gen-view-state-stories.mjs --check   exit 1 when it is out of date (npm run stories:check)
// `npm test` checks, never writes: a registry change without its regenerated stories fails the run.
// The registry is TypeScript: Vite's module runner loads it (Node 20 cannot).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { module: generator } = await runnerImport(fileURLToPath(new URL('./view-state-stories.ts', import.meta.url)), {
  root,
  configFile: false,
  logLevel: 'error',
});
const file = new URL(`../${generator.GENERATED_STORIES}`, import.meta.url);
const wanted = generator.renderViewStateStories();
let current = null;
try {
  current = readFileSync(file, 'utf8');
} catch {
  // Not generated yet.
}
if (current === wanted) {
  console.log(`${generator.GENERATED_STORIES} is up to date.`);
} else if (process.argv.includes('--check')) {
  console.error(`${generator.GENERATED_STORIES} is out of date: run \`npm run stories:generate\`.`);
  process.exit(1);
} else {
  writeFileSync(file, wanted);
  console.log(`Wrote ${generator.GENERATED_STORIES}.`);
}

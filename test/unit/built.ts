/** Paths of the built package and embed, for the tests that read them (`npm test` builds both first). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LIB = `${ROOT}dist/lib/`;
export const EMBED = `${ROOT}dist/embed/`;

/** Fails with the command to run when a build output is missing. */
export function requireBuilt(path: string, command: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`${command}\` first (\`npm test\` does).`);
  return path;
}

/**
 * The floor's build: vite.embed.config.ts as it is, with the floor as the library entry and
 * bench/dist/floor as the output. The template minifier is also applied to the floor's source
 * (the embed config applies it to src/ only), so both bundles are minified alike.
 */
import { mergeConfig } from 'vite';
import embed from '../vite.embed.config.js';
import { minifyLiterals } from '../scripts/minify-literals.js';

export const FLOOR_ENTRY = 'floor.js';

export default mergeConfig(embed, {
  plugins: [minifyLiterals(/\/bench\/floor\/.*\.ts$/)],
  build: {
    outDir: 'bench/dist/floor',
    lib: { entry: 'bench/floor/floor.ts', fileName: () => FLOOR_ENTRY },
  },
});

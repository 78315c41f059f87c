/**
 * `npm run fonts`: makes what app/fonts/ holds (decision 020).
 * - Subsets Noto Naskh Arabic from Fontsource's files to the letters Arabic news text uses, with
 *   every OpenType feature kept (the joins and marks of the script), as WOFF2: Debian's
 *   fontTools does it (`apt-get install python3-fonttools python3-brotli`). The files are
 *   committed, so that neither a build nor a fresh clone needs Python.
 * - Writes app/fonts/fonts.css from scripts/fonts/font-faces.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { arabicSubsetRange, fontFacesCss, naskhLatinSubsetRange } from './font-faces';

const out = path.resolve('app/fonts');
const source = path.resolve('node_modules/@fontsource/noto-naskh-arabic/files');
const unicodes = (range: string) => range.replace(/\s/g, '');
// Debian's Python, where its fontTools is, even when another python3 comes first on the PATH.
const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

for (const weight of [400, 700]) {
  for (const [subset, range] of [
    ['arabic', arabicSubsetRange],
    ['latin', naskhLatinSubsetRange],
  ] as const) {
    const input = path.join(source, `noto-naskh-arabic-${subset}-${weight}-normal.woff2`);
    const output = path.join(out, `noto-naskh-arabic-${subset}-${weight}.woff2`);
    const run = spawnSync(
      python,
      ['-m', 'fontTools.subset', input, `--unicodes=${unicodes(range)}`, '--layout-features=*', '--flavor=woff2', `--output-file=${output}`],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) {
      console.error(`could not subset ${path.basename(input)}: ${run.stderr || run.error?.message}\n(install Debian's python3-fonttools and python3-brotli)`);
      process.exit(1);
    }
    console.log(`${path.relative(process.cwd(), output)}: ${fs.statSync(output).size} bytes (from ${fs.statSync(input).size})`);
  }
}
fs.writeFileSync(path.join(out, 'fonts.css'), fontFacesCss());
console.log('app/fonts/fonts.css written');

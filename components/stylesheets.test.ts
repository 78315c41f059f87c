import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionIds } from '@/lib/domain/editions';

/** Rules our stylesheets keep, so that a right-to-left edition mirrors without a second stylesheet. */

const stylesheets = ['app', 'components'].flatMap((dir) =>
  fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css'))
    .map((file) => path.join(dir, file)),
);

/** Physical left/right: properties, values that name a side, and transforms that would not mirror. */
const physical = [
  /(?:^|[\s;{])(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b/,
  /(?:^|[\s;{])(?:left|right)\s*:/,
  /(?:text-align|float|clear)\s*:\s*(?:left|right)\b/,
  /border-(?:top|bottom)-(?:left|right)-radius/,
];

describe('our stylesheets', () => {
  it('are found', () => expect(stylesheets.length).toBeGreaterThan(10));

  it.each(stylesheets)('%s uses logical properties only (inline/block, start/end), never left or right', (file) => {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const offending = lines
      .map((line, index) => ({ line: line.replace(/\/\*.*?\*\//g, ''), number: index + 1 }))
      .filter(({ line }) => physical.some((pattern) => pattern.test(line)))
      .map(({ line, number }) => `${file}:${number}: ${line.trim()}`);
    expect(offending).toEqual([]);
  });

  it('show the not-found fallback of every edition (NotFoundFallback.tsx)', () => {
    const css = fs.readFileSync('components/not-found/NotFoundPage.module.css', 'utf8');
    for (const id of editionIds) expect(css).toContain(`:global(html[lang='${id}']) .fallback[data-edition='${id}']`);
  });
});

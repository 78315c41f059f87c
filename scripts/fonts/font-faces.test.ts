import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFacesCss, shippedFaces } from './font-faces';

describe('the faces shipped with the site', () => {
  it('are what app/fonts/fonts.css says: the file is regenerated with npm run fonts, never edited by hand', () => {
    expect(fs.readFileSync(path.resolve('app/fonts/fonts.css'), 'utf8')).toBe(fontFacesCss());
  });

  it('are all there, as WOFF2, and none blocks the first paint', () => {
    for (const face of shippedFaces) {
      const file = path.resolve('app/fonts', face.url);
      expect(fs.readFileSync(file).subarray(0, 4).toString('latin1'), face.url).toBe('wOF2');
    }
    expect(fontFacesCss()).not.toMatch(/font-display:\s*(block|auto)/);
  });

  it('give each web font metric-matched fallbacks for the systems readers have, a regular and a bold one', () => {
    const css = fontFacesCss();
    for (const family of ['Source Serif 4', 'Source Sans 3']) {
      const locals =
        family === 'Source Serif 4'
          ? ['Georgia', 'Times New Roman', 'Liberation Serif', 'DejaVu Serif']
          : ['Arial', 'Liberation Sans', 'Roboto', 'DejaVu Sans'];
      for (const local of locals) {
        const faces = [...css.matchAll(new RegExp(`font-family: "${family} Fallback: ${local}";([^}]*)}`, 'g'))].map((match) => match[1]!);
        expect(faces, `${family}, ${local}`).toHaveLength(2);
        const [regular, bold] = faces;
        expect(regular).toMatch(new RegExp(`src: local\\('${local}( Regular)?'\\)[^]*font-weight: 400;[^]*size-adjust: \\d`));
        // Its bold face, not the browser's emboldening of the regular one: the bold web font is wider.
        expect(bold).toMatch(new RegExp(`src: local\\('${local} Bold'\\)[^]*font-weight: 700;[^]*size-adjust: \\d`));
      }
    }
  });
});

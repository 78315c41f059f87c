/**
 * The faces the design uses, shipped with the site (decision 020): Source Serif 4 for text and
 * headlines, Source Sans 3 for the interface, Noto Naskh Arabic for the Arabic edition. This
 * module writes their @font-face rules and, for each, metric-matched fallbacks (Capsize's
 * createFontStack): a local font scaled and given the web font's ascent and descent, so that a
 * page painted before the web font arrives breaks its lines where it will with it, and the swap
 * moves almost nothing. `npm run fonts` writes the result to app/fonts/fonts.css; a unit test
 * fails when that file and this module disagree.
 *
 * Source Serif 4 and Source Sans 3 are served as Fontsource ships them (their Latin subset,
 * unmodified: their licence reserves the name "Source" for unmodified fonts). Noto Naskh Arabic
 * is subset further (scripts/fonts/subset.ts) to the letters Arabic news text uses: a third of
 * Fontsource's Arabic file.
 */
import { createFontStack } from '@capsizecss/core';
import arial from '@capsizecss/metrics/arial';
import georgia from '@capsizecss/metrics/georgia';
import helvetica from '@capsizecss/metrics/helvetica';
import notoSans from '@capsizecss/metrics/notoSans';
import notoSerif from '@capsizecss/metrics/notoSerif';
import roboto from '@capsizecss/metrics/roboto';
import segoeUI from '@capsizecss/metrics/segoeUI';
import sourceSans3 from '@capsizecss/metrics/sourceSans3';
import sourceSerif4 from '@capsizecss/metrics/sourceSerif4';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';

type StackMetrics = Parameters<typeof createFontStack>[0][number];

/** Metrics read with @capsizecss/unpack from Debian's fonts-dejavu-core 2.37: the fallback of a Linux machine with no other font. */
const dejaVu = (familyName: string, xWidthAvg: number): StackMetrics => ({
  familyName,
  fullName: familyName,
  postscriptName: familyName.replace(/ /g, ''),
  ascent: 1901,
  descent: -483,
  lineGap: 0,
  unitsPerEm: 2048,
  xWidthAvg,
  subsets: { latin: { xWidthAvg }, thai: { xWidthAvg: 1229 } },
});
const dejaVuSans = dejaVu('DejaVu Sans', 1041);
const dejaVuSerif = dejaVu('DejaVu Serif', 1058);

/** A font with another's metrics, under its own name (Liberation, Arimo, Tinos and Nimbus are metric clones of Arial and Times). */
const alias = (metrics: StackMetrics, familyName: string): StackMetrics => ({
  ...metrics,
  familyName,
  fullName: familyName,
  postscriptName: familyName.replace(/ /g, ''),
});

/** Where Next's CSS pipeline finds a Fontsource file (relative to app/fonts/fonts.css). */
const fontsource = (family: string, file: string) => `../../node_modules/@fontsource/${family}/files/${file}`;

/** Fontsource's Latin subset: what its files hold. */
const latinRange =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

/** The Arabic letters, marks, digits and punctuation our Arabic subset of Noto Naskh Arabic keeps (scripts/fonts/subset.ts). */
export const arabicSubsetRange =
  'U+0600-0605, U+060B-061F, U+0621-065F, U+0660-066F, U+0670-0671, U+067E, U+0686, U+0698, U+06A4, U+06A9, U+06AF, U+06CC, U+06D4, U+200C-200F, U+2068-2069, U+FD3E-FD3F';

/** The Latin letters, digits and punctuation our Latin subset of Noto Naskh Arabic keeps: names and numbers in Arabic text. */
export const naskhLatinSubsetRange = 'U+0020-007E, U+00A0-00FF, U+2010-2027, U+2030-203A, U+20AC';

type Face = { family: string; weight: number; style: 'normal' | 'italic'; url: string; range: string };

/** Every face shipped. A browser fetches one only when the page has text in its range, weight and style. */
export const shippedFaces: Face[] = [
  { family: 'Source Serif 4', weight: 400, style: 'normal', url: fontsource('source-serif-4', 'source-serif-4-latin-400-normal.woff2'), range: latinRange },
  { family: 'Source Serif 4', weight: 400, style: 'italic', url: fontsource('source-serif-4', 'source-serif-4-latin-400-italic.woff2'), range: latinRange },
  { family: 'Source Serif 4', weight: 700, style: 'normal', url: fontsource('source-serif-4', 'source-serif-4-latin-700-normal.woff2'), range: latinRange },
  { family: 'Source Sans 3', weight: 400, style: 'normal', url: fontsource('source-sans-3', 'source-sans-3-latin-400-normal.woff2'), range: latinRange },
  { family: 'Source Sans 3', weight: 700, style: 'normal', url: fontsource('source-sans-3', 'source-sans-3-latin-700-normal.woff2'), range: latinRange },
  ...([400, 700] as const).flatMap((weight) => [
    { family: 'Noto Naskh Arabic', weight, style: 'normal' as const, url: `./noto-naskh-arabic-arabic-${weight}.woff2`, range: arabicSubsetRange },
    { family: 'Noto Naskh Arabic', weight, style: 'normal' as const, url: `./noto-naskh-arabic-latin-${weight}.woff2`, range: naskhLatinSubsetRange },
  ]),
];

const serifFallbacks = [
  georgia,
  timesNewRoman,
  alias(timesNewRoman, 'Liberation Serif'),
  alias(timesNewRoman, 'Tinos'),
  alias(timesNewRoman, 'Nimbus Roman'),
  notoSerif,
  dejaVuSerif,
];
const sansFallbacks = [
  helvetica,
  arial,
  alias(arial, 'Liberation Sans'),
  alias(arial, 'Arimo'),
  alias(arial, 'Nimbus Sans'),
  segoeUI,
  roboto,
  notoSans,
  dejaVuSans,
];

function fontFaceRule(face: Face): string {
  return `@font-face {
  font-family: '${face.family}';
  font-style: ${face.style};
  font-weight: ${face.weight};
  font-display: swap;
  src: url('${face.url}') format('woff2');
  unicode-range: ${face.range};
}`;
}

/**
 * The whole stylesheet: the faces, their fallbacks, and the stacks every component uses:
 * `--font-text` and `--font-ui` follow the language of the element they are set on (so the
 * English and French names in the Arabic edition's switcher are set in the Latin faces, and
 * "العربية" in the Arabic face on the other editions' pages), `--font-brand` is the wordmark's,
 * the same in every edition.
 */
export function fontFacesCss(): string {
  const serif = createFontStack([sourceSerif4, ...serifFallbacks], { fontFaceProperties: { fontDisplay: 'swap' } });
  const sans = createFontStack([sourceSans3, ...sansFallbacks], { fontFaceProperties: { fontDisplay: 'swap' } });
  // Arabic text has no Latin-based average width to match: the fallback keeps the line height the edition sets, the system's Arabic face its own widths.
  const arabic = `'Noto Naskh Arabic', 'Geeza Pro', 'Segoe UI', Tahoma, 'DejaVu Sans', serif`;
  return `/*
 * Generated by scripts/fonts/font-faces.ts (npm run fonts): do not edit by hand.
 * The faces the design uses, each with metric-matched fallbacks (decision 020).
 */

${shippedFaces.map(fontFaceRule).join('\n\n')}

${serif.fontFaces.trim()}

${sans.fontFaces.trim()}

:root {
  --font-brand: ${serif.fontFamily}, serif;
}

:root,
[lang='en'],
[lang='fr'] {
  --font-text: ${serif.fontFamily}, serif;
  --font-ui: ${sans.fontFamily}, sans-serif;
}

[lang='ar'] {
  --font-text: ${arabic};
  --font-ui: ${arabic};
}
`;
}

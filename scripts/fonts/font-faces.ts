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
 * is subset further (scripts/fonts/build.ts) to the letters Arabic news text uses: a third of
 * Fontsource's Arabic file.
 */
import { createFontStack } from '@capsizecss/core';
import { entireMetricsCollection } from '@capsizecss/metrics/entireMetricsCollection';

// The whole collection: the single-font modules carry no bold variants.
const { arial, georgia, helvetica, notoSans, notoSerif, roboto, segoeUI, sourceSans3, sourceSerif4, timesNewRoman } = entireMetricsCollection;

type StackMetrics = Parameters<typeof createFontStack>[0][number];
type Weight = 400 | 700;

/** Capsize's metrics of a font at a weight: its own for 400, its bold variant's for 700. */
const at = (metrics: StackMetrics & { variants?: Record<string, StackMetrics> }, weight: Weight): StackMetrics => {
  if (weight === 400) return metrics;
  const bold = metrics.variants?.['700'];
  if (!bold) throw new Error(`no bold metrics for ${metrics.familyName}`);
  return bold;
};

/**
 * Metrics read with @capsizecss/unpack from Debian's fonts-dejavu-core 2.37: the fallback of a
 * Linux machine with no other font.
 */
const dejaVu = (familyName: string, style: 'Book' | 'Bold', ascent: number, xWidthAvg: number): StackMetrics => ({
  familyName,
  fullName: style === 'Bold' ? `${familyName} Bold` : familyName,
  postscriptName: `${familyName.replace(/ /g, '')}${style === 'Bold' ? '-Bold' : ''}`,
  ascent,
  descent: -483,
  lineGap: 0,
  unitsPerEm: 2048,
  xWidthAvg,
  subsets: { latin: { xWidthAvg }, thai: { xWidthAvg: 1229 } },
});
const dejaVuSans = { 400: dejaVu('DejaVu Sans', 'Book', 1901, 1041), 700: dejaVu('DejaVu Sans', 'Bold', 1901, 1176) };
const dejaVuSerif = { 400: dejaVu('DejaVu Serif', 'Book', 1901, 1058), 700: dejaVu('DejaVu Serif', 'Bold', 1923, 1168) };

/**
 * A font with another's metrics, under its own names (Liberation, Arimo, Tinos and Nimbus are
 * metric clones of Arial and Times), at a weight.
 */
const alias = (metrics: StackMetrics, familyName: string, weight: Weight): StackMetrics => ({
  ...metrics,
  familyName,
  fullName: weight === 700 ? `${familyName} Bold` : familyName,
  postscriptName: `${familyName.replace(/ /g, '')}${weight === 700 ? '-Bold' : ''}`,
});

/** Where Next's CSS pipeline finds a Fontsource file (relative to app/fonts/fonts.css). */
const fontsource = (family: string, file: string) => `../../node_modules/@fontsource/${family}/files/${file}`;

/** Fontsource's Latin subset: what its files hold. */
const latinRange =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

/** The Arabic letters, marks, digits and punctuation our Arabic subset of Noto Naskh Arabic keeps (scripts/fonts/build.ts). */
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

/** The fallbacks of a family at a weight, in the order a browser tries them. */
const serifFallbacks = (weight: Weight) => [
  at(georgia, weight),
  at(timesNewRoman, weight),
  alias(at(timesNewRoman, weight), 'Liberation Serif', weight),
  alias(at(timesNewRoman, weight), 'Tinos', weight),
  alias(at(timesNewRoman, weight), 'Nimbus Roman', weight),
  at(notoSerif, weight),
  dejaVuSerif[weight],
];
const sansFallbacks = (weight: Weight) => [
  at(helvetica, weight),
  at(arial, weight),
  alias(at(arial, weight), 'Liberation Sans', weight),
  alias(at(arial, weight), 'Arimo', weight),
  alias(at(arial, weight), 'Nimbus Sans', weight),
  at(segoeUI, weight),
  at(roboto, weight),
  at(notoSans, weight),
  dejaVuSans[weight],
];

/**
 * One stack per family, its fallback faces made for each weight the design uses: a bold
 * headline set in a local regular face made bold by the browser breaks its lines elsewhere than
 * the web font's bold (it moved the article's picture by a line when the font came).
 */
function fontStack(web: StackMetrics & { variants?: Record<string, StackMetrics> }, fallbacks: (weight: Weight) => StackMetrics[]) {
  const faces = ([400, 700] as const).map((weight) =>
    createFontStack([at(web, weight), ...fallbacks(weight)], { fontFaceProperties: { fontDisplay: 'swap', fontWeight: String(weight) } }),
  );
  return { fontFamily: faces[0]!.fontFamily, fontFaces: faces.map((face) => face.fontFaces.trim()).join('\n') };
}

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
 * The whole stylesheet: the faces, their fallbacks, and the two stacks every component uses
 * (--font-text, --font-ui). In the Arabic edition both are Noto Naskh Arabic, whose Latin part
 * sets the names and digits in Arabic text (and the Latin words of its header) in one design. A
 * word of Arabic on another edition's page (the switcher's "العربية") takes a system face
 * rather than the two Arabic files.
 */
export function fontFacesCss(): string {
  const serif = fontStack(sourceSerif4, serifFallbacks);
  const sans = fontStack(sourceSans3, sansFallbacks);
  // Arabic text has no Latin-based average width to match: the fallback keeps the line height the
  // edition sets, the system's Arabic face its own widths. Latin letters and digits come from the
  // serif stack (its metric-matched fallbacks) until Noto Naskh Arabic's Latin part arrives.
  const arabic = `'Noto Naskh Arabic', ${serif.fontFamily}, 'Geeza Pro', 'Segoe UI', Tahoma, 'DejaVu Sans', serif`;
  return `/*
 * Generated by scripts/fonts/font-faces.ts (npm run fonts): do not edit by hand.
 * The faces the design uses, each with metric-matched fallbacks (decision 020).
 */

${shippedFaces.map(fontFaceRule).join('\n\n')}

${serif.fontFaces.trim()}

${sans.fontFaces.trim()}

:root {
  --font-text: ${serif.fontFamily}, serif;
  --font-ui: ${sans.fontFamily}, sans-serif;
}

html[lang='ar'] {
  --font-text: ${arabic};
  --font-ui: ${arabic};
}
`;
}

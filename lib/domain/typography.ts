import { editions } from './editions';

/**
 * Each language's punctuation, applied when a story is validated (by its edition's language) (so the store, the pages, the
 * feeds and the structured data all carry the same text):
 * - every language: straight double quotes become the language's quotation marks (the
 *   edition's `quotes`: “ ” in English, « » in French and Arabic), an opening one where it
 *   starts a word; in English and French a straight apostrophe becomes ’ (‘ where it opens a
 *   quotation in English);
 * - French: a narrow no-break space (U+202F) before ; : ! ? and inside « », replacing an
 *   ordinary or a no-break space, or added where there was none (except before a colon, which
 *   also writes times: 14:05);
 * - Arabic: the Arabic comma, question mark and semicolon (، ؟ ؛) after Arabic words, where a
 *   Latin keyboard put the Latin ones.
 */
const nnbsp = '\u202F';

/** A straight quote opens a quotation where nothing, a space or an opening bracket or dash comes before it and a character after it. */
const opensAt = (text: string, index: number) => (index === 0 || /[\s([{\u2014\u2013/-]/.test(text[index - 1]!)) && /\S/.test(text[index + 1] ?? '');

function curlyQuotes(text: string, lang: string): string {
  if (!/["']/.test(text)) return text;
  const marks = Object.values(editions).find((edition) => edition.lang === lang)?.strings.quotes;
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '"' && marks) out += opensAt(text, i) ? marks.open.trim() : marks.close.trim();
    else if (char === "'" && lang === 'en') out += opensAt(text, i) && !/\d/.test(text[i + 1] ?? '') ? '‘' : '’';
    else if (char === "'" && lang === 'fr') out += '’';
    else out += char;
  }
  return out;
}

const frenchRules: [RegExp, string][] = [
  [/[ \u00A0]+([;:!?»])/g, `${nnbsp}$1`],
  [/([\p{L}\p{N}»)\]…])([;!?])/gu, `$1${nnbsp}$2`],
  [/«[ \u00A0]*/g, `«${nnbsp}`],
  [/([^\s\u202F])»/g, `$1${nnbsp}»`],
];

const arabicRules: [RegExp, string][] = [
  [/(\p{Script=Arabic}\p{M}*)[ ]?\?/gu, '$1؟'],
  [/(\p{Script=Arabic}\p{M}*),/gu, '$1،'],
  [/(\p{Script=Arabic}\p{M}*);/gu, '$1؛'],
];

const rulesByLanguage = new Map([
  ['fr', frenchRules],
  ['ar', arabicRules],
]);
const rulesFor = (lang: string) => rulesByLanguage.get(lang.split('-')[0] ?? '');

/** `lang`: the edition's language (BCP 47); languages without rules here keep their punctuation as written. */
export function typeset(text: string, lang: string): string {
  const quoted = curlyQuotes(text, lang);
  const rules = rulesFor(lang);
  if (!rules) return quoted;
  return rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), quoted);
}

/** The fields of a story that hold prose (not names, addresses or ids). */
const proseKeys = new Set(['headline', 'standfirst', 'text', 'attribution', 'caption', 'alt', 'title', 'sourceCredit']);

/** A story's prose, typeset; every other field as it was. */
export function typesetStory<T>(value: T, lang: string): T {
  const walk = (node: unknown, key?: string): unknown => {
    if (typeof node === 'string') return key && proseKeys.has(key) ? typeset(node, lang) : node;
    if (Array.isArray(node)) return node.map((child) => walk(child, key === 'content' || key === 'children' || key === 'items' ? undefined : key));
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    return node;
  };
  return walk(value) as T;
}

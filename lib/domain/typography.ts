/**
 * Each language's punctuation, applied when a story is validated (by its edition's language) (so the store, the pages, the
 * feeds and the structured data all carry the same text):
 * - French: a narrow no-break space (U+202F) before ; : ! ? and inside « », replacing an
 *   ordinary or a no-break space, or added where there was none (except before a colon, which
 *   also writes times: 14:05);
 * - Arabic: the Arabic comma, question mark and semicolon (، ؟ ؛) after Arabic words, where a
 *   Latin keyboard put the Latin ones;
 * - English: unchanged.
 */
const nnbsp = '\u202F';

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

/** `lang`: the edition's language (BCP 47); languages without rules here are left as written. */
export function typeset(text: string, lang: string): string {
  const rules = rulesFor(lang);
  if (!rules) return text;
  return rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** The fields of a story that hold prose (not names, addresses or ids). */
const proseKeys = new Set(['headline', 'standfirst', 'text', 'attribution', 'caption', 'alt', 'title', 'sourceCredit']);

/** A story's prose, typeset; every other field as it was. */
export function typesetStory<T>(value: T, lang: string): T {
  if (!rulesFor(lang)) return value;
  const walk = (node: unknown, key?: string): unknown => {
    if (typeof node === 'string') return key && proseKeys.has(key) ? typeset(node, lang) : node;
    if (Array.isArray(node)) return node.map((child) => walk(child, key === 'content' || key === 'children' || key === 'items' ? undefined : key));
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    return node;
  };
  return walk(value) as T;
}

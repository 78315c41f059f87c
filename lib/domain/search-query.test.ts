import { describe, expect, it } from 'vitest';
import { maxQueryLength, readSearchQuery, type SearchTerms } from './search-query';

/** The terms as one line: `word` must appear, `word*` may start a longer word. */
const shown = (terms: SearchTerms | null) => terms && terms.words.map(({ word, prefix }) => (prefix ? `${word}*` : word)).join(' ');
const termsOf = (raw: string | string[] | undefined) => shown(readSearchQuery(raw).terms);

describe('a search query', () => {
  it('is trimmed, its spaces collapsed, and turned into words that must all appear', () => {
    const query = readSearchQuery('   Europol    propaganda  ');
    expect(query.text).toBe('Europol propaganda');
    expect(query.terms?.all).toBe(true);
    expect(shown(query.terms)).toBe('europol propaganda*');
  });

  it('lets the last word be the beginning of a longer one', () => {
    expect(termsOf('europ')).toBe('europ*');
    expect(termsOf('eu')).toBe('eu');
  });

  it('cannot smuggle in query syntax', () => {
    for (const raw of ['"unclosed', 'a OR b', 'NEAR(a b)', 'headline:x', '-x', '*', '(a', 'a AND NOT b', "x'); drop table articles;--", 'a & !b | c:*']) {
      const { terms } = readSearchQuery(raw);
      for (const { word } of terms?.words ?? []) expect(word, raw).toMatch(/^[\p{L}\p{N}]+$/u);
    }
    expect(termsOf('a OR b')).toBe('a or b');
  });

  it('is empty when there are no letters or digits to look for', () => {
    expect(readSearchQuery('   ')).toEqual({ text: '', terms: null });
    expect(readSearchQuery('!!! ??? ***')).toEqual({ text: '!!! ??? ***', terms: null });
    expect(readSearchQuery(undefined)).toEqual({ text: '', terms: null });
  });

  it('is capped in length and in words, and keeps any script', () => {
    expect(Array.from(readSearchQuery('é'.repeat(5000)).text)).toHaveLength(maxQueryLength);
    expect(readSearchQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).terms?.words).toHaveLength(12);
    expect(termsOf('Liège élections')).toBe('liège élections*');
    expect(termsOf('انتخابات لبنان')).toBe('انتخابات لبنان*');
  });

  it('takes the first value when the parameter is repeated, and drops control characters', () => {
    expect(readSearchQuery(['first', 'second']).text).toBe('first');
    expect(readSearchQuery('a\u0000b\nc').text).toBe('a b c');
  });
});

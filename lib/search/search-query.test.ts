import { describe, expect, it } from 'vitest';
import { maxQueryLength, readSearchQuery } from './search-query';

describe('a search query', () => {
  it('is trimmed, its spaces collapsed, and turned into quoted words that must all appear', () => {
    expect(readSearchQuery('   Europol    propaganda  ')).toEqual({ text: 'Europol propaganda', match: '"europol" "propaganda"*' });
  });

  it('lets the last word be the beginning of a longer one', () => {
    expect(readSearchQuery('europ').match).toBe('"europ"*');
    expect(readSearchQuery('eu').match).toBe('"eu"');
  });

  it('cannot smuggle in query syntax', () => {
    for (const raw of ['"unclosed', 'a OR b', 'NEAR(a b)', 'headline:x', '-x', '*', '(a', 'a AND NOT b', "x'); drop table articles;--"]) {
      const { match } = readSearchQuery(raw);
      expect(match === null || /^("[^"]+"\*? ?)+$/.test(match), raw).toBe(true);
    }
    expect(readSearchQuery('a OR b').match).toBe('"a" "or" "b"');
  });

  it('is empty when there are no letters or digits to look for', () => {
    expect(readSearchQuery('   ')).toEqual({ text: '', match: null });
    expect(readSearchQuery('!!! ??? ***')).toEqual({ text: '!!! ??? ***', match: null });
    expect(readSearchQuery(undefined)).toEqual({ text: '', match: null });
  });

  it('is capped in length and in words, and keeps any script', () => {
    expect(Array.from(readSearchQuery('é'.repeat(5000)).text)).toHaveLength(maxQueryLength);
    expect(readSearchQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).match?.split(' ')).toHaveLength(12);
    expect(readSearchQuery('Liège élections').match).toBe('"liège" "élections"*');
    expect(readSearchQuery('انتخابات لبنان').match).toBe('"انتخابات" "لبنان"*');
  });

  it('takes the first value when the parameter is repeated, and drops control characters', () => {
    expect(readSearchQuery(['first', 'second']).text).toBe('first');
    expect(readSearchQuery('a\u0000b\nc').text).toBe('a b c');
  });
});

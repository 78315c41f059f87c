import { describe, expect, it } from 'vitest';
import { editions } from './index';
import { plural } from './plural';

describe('plural forms', () => {
  it('follow each language’s own rules, not count === 1', () => {
    const forms = { zero: 'zero {count}', one: 'one {count}', two: 'two {count}', few: 'few {count}', many: 'many {count}', other: 'other {count}' };
    expect([0, 1, 2, 5].map((n) => plural('en-GB', n, forms))).toEqual(['other 0', 'one 1', 'other 2', 'other 5']);
    // French counts 0 and 1 as one; Arabic has six categories.
    expect([0, 1, 2].map((n) => plural('fr-FR', n, forms))).toEqual(['one 0', 'one 1', 'other 2']);
    expect([0, 1, 2, 3, 11, 100].map((n) => plural('ar-u-nu-latn', n, forms))).toEqual(['zero 0', 'one 1', 'two 2', 'few 3', 'many 11', 'other 100']);
  });

  it('fall back to the other form and print the count in the locale', () => {
    expect(plural('en-GB', 1, { other: '{count} items' })).toBe('1 items');
    expect(plural('en-GB', 12345, { one: '{count} story', other: '{count} stories' })).toBe('12,345 stories');
  });

  it('are what the English edition says', () => {
    const { strings } = editions.en;
    expect(plural(editions.en.locale, 1, strings.newStories)).toBe('Show 1 new story');
    expect(plural(editions.en.locale, 3, strings.newStories)).toBe('Show 3 new stories');
    expect(strings.searchResults(1, 'rail')).toBe('1 story matches “rail”');
    expect(strings.searchResults(0, 'rail')).toBe('0 stories match “rail”');
  });
});

import { describe, expect, it } from 'vitest';
import { rankSuggestions, suggestionTerms, trigramSimilarity, wordsOfPath } from './suggestions';

const story = (slug: string, headline: string, publishedAt = '2018-04-27T12:00:00Z') => ({ slug, headline, publishedAt });

const candidates = [
  story('europol-hits-is-propaganda-servers', 'Police in Europe and North America take down servers behind IS group propaganda outlets'),
  story('night-trains-return-to-european-rails', "Night trains make a return to Europe's rails"),
  story('dutch-cities-trial-car-free-centres', 'Dutch cities close their centres to cars'),
  story('lebanon-votes-in-first-parliamentary-election-in-nine-years', 'Lebanon votes for a new parliament'),
];

describe('the words of a mistyped address', () => {
  it('drop the date, short words, numbers and stop words', () => {
    expect(wordsOfPath('/en/europe/20180427-europol-hits-is-propoganda-servers')).toEqual(['europol', 'hits', 'propoganda', 'servers']);
    expect(wordsOfPath('/en/europe/the-2018-trains')).toEqual(['trains']);
    expect(wordsOfPath('/en/%E0%A4%A')).toEqual([]);
  });

  it('become an any-word, word-start search', () => {
    expect(suggestionTerms(['europol', 'propoganda'])).toEqual({
      all: false,
      words: [
        { word: 'euro', prefix: true },
        { word: 'prop', prefix: true },
      ],
    });
    expect(suggestionTerms([])).toBeNull();
  });
});

describe('ranking suggestions', () => {
  it('puts the story whose slug is closest first, even with a typo', () => {
    const ranked = rankSuggestions('/en/europe/20180427-europol-hits-is-propoganda-servers', candidates);
    expect(ranked[0]?.slug).toBe('europol-hits-is-propaganda-servers');
  });

  it('finds a story by its headline words when the slug differs', () => {
    const ranked = rankSuggestions('/en/europe/night-trains-return-europe', candidates);
    expect(ranked[0]?.slug).toBe('night-trains-return-to-european-rails');
  });

  it('suggests nothing that only shares a letter or two, and at most five', () => {
    expect(rankSuggestions('/en/europe/zzzz-qqqq', candidates)).toEqual([]);
    const many = Array.from({ length: 9 }, (_, i) => story(`europol-raid-${i}`, `Europol raid ${i}`));
    expect(rankSuggestions('/en/europe/europol-raid', many)).toHaveLength(5);
  });

  it('prefers the newer story between two equally close', () => {
    const older = story('europol-raid', 'Europol raid', '2018-01-01T00:00:00Z');
    const newer = story('europol-raid', 'Europol raid', '2018-05-01T00:00:00Z');
    expect(rankSuggestions('/en/x/europol-raid', [older, newer])[0]).toBe(newer);
  });

  it('measures similarity between 0 and 1', () => {
    expect(trigramSimilarity('abc', 'abc')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
    expect(trigramSimilarity('propaganda', 'propoganda')).toBeGreaterThan(0.4);
  });
});

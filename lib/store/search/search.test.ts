import { beforeEach, describe, expect, it } from 'vitest';
import { article, storePerTest } from '../../testing/fixtures';
import { highlightEnd, highlightStart } from '../../domain/stories';
import { searchArticles } from '.';
import { writeContent } from '../write-content';

const store = storePerTest();

describe('search', () => {
  beforeEach(async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({
          id: 'servers',
          slug: 'servers',
          headline: 'Police seize propaganda servers',
          standfirst: 'A raid across Europe.',
          publishedAt: '2018-04-27T10:00:00Z',
        }),
        article({
          id: 'trains',
          slug: 'trains',
          headline: 'Night trains return',
          standfirst: 'Sleeper services come back.',
          body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Passengers avoid propaganda about flying.' }] }],
          publishedAt: '2018-04-28T10:00:00Z',
        }),
        article({ id: 'pulled', slug: 'pulled', headline: 'Propaganda story withdrawn', status: 'withdrawn' }),
      ],
    });
  });

  it('ranks a match in the headline above one in the body, and never finds a withdrawn story', async () => {
    const { hits, total } = await searchArticles(store.db, {
      edition: 'en',
      terms: { all: true, words: [{ word: 'propaganda', prefix: false }] },
      limit: 10,
      offset: 0,
    });
    expect(hits.map((h) => h.id)).toEqual(['servers', 'trains']);
    expect(total).toBe(2);
    expect(hits[0]?.markedHeadline).toBe(`Police seize ${highlightStart}propaganda${highlightEnd} servers`);
    expect(hits[1]?.markedSnippet).toContain(`${highlightStart}propaganda${highlightEnd}`);
  });

  it('matches other forms of a word', async () => {
    const { hits } = await searchArticles(store.db, { edition: 'en', terms: { all: true, words: [{ word: 'server', prefix: false }] }, limit: 10, offset: 0 });
    expect(hits.map((h) => h.id)).toEqual(['servers']);
  });

  it('folds accents, in the stories and in the words searched for', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({ id: 'liege', slug: 'liege', headline: 'Liège opens its new tram line', publishedAt: '2018-05-01T10:00:00Z' }),
        article({ id: 'cafe', slug: 'cafe', headline: 'Cafe owners in Dakar count the cost', publishedAt: '2018-05-02T10:00:00Z' }),
      ],
    });
    const search = async (word: string) =>
      (await searchArticles(store.db, { edition: 'en', terms: { all: true, words: [{ word, prefix: false }] }, limit: 10, offset: 0 })).hits.map((h) => h.id);
    expect(await search('liege')).toEqual(['liege']);
    expect(await search('liège')).toEqual(['liege']);
    expect(await search('café')).toEqual(['cafe']);
  });

  it('forgets a story once it is withdrawn', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [article({ id: 'servers', slug: 'servers', headline: 'Police seize propaganda servers', status: 'withdrawn' })],
    });
    const { hits } = await searchArticles(store.db, { edition: 'en', terms: { all: true, words: [{ word: 'seize', prefix: false }] }, limit: 10, offset: 0 });
    expect(hits).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { article, storePerTest } from '../../testing/fixtures';
import { highlightEnd, highlightStart } from '../../domain/stories';
import { searchArticles } from '.';
import { writeContent } from '../write-content';
import { readSearchQuery } from '../../domain/search-query';

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

  it('ranks the newest matches up to its window, and says when more stories match', async () => {
    const body = [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Officials dismiss the propaganda.' }] }];
    await writeContent(store.db, {
      sections: [],
      articles: [1, 2, 3].map((day) =>
        article({ id: `later-${day}`, slug: `later-${day}`, headline: `Later story ${day}`, body, publishedAt: `2018-05-0${day}T10:00:00Z` }),
      ),
    });
    const propaganda = { all: true, words: [{ word: 'propaganda', prefix: false }] };
    const windowed = await searchArticles(store.db, { edition: 'en', terms: propaganda, limit: 10, offset: 0, window: 3 });
    expect(windowed.hits.map((h) => h.id)).toEqual(['later-3', 'later-2', 'later-1']);
    expect([windowed.total, windowed.more]).toEqual([3, true]);
    const whole = await searchArticles(store.db, { edition: 'en', terms: propaganda, limit: 10, offset: 0 });
    expect(whole.hits[0]?.id).toBe('servers');
    expect([whole.total, whole.more]).toEqual([5, false]);
  });

  it('reads the last word as the start of longer words, unless the word on its own fills the window', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [
        ...[1, 2, 3].map((day) =>
          article({ id: `rail-${day}`, slug: `rail-${day}`, headline: `Rail strike day ${day}`, publishedAt: `2018-06-0${day}T10:00:00Z` }),
        ),
        article({ id: 'railway', slug: 'railway', headline: 'Railways reopen', publishedAt: '2018-06-05T10:00:00Z' }),
      ],
    });
    const rail = { all: true, words: [{ word: 'rail', prefix: true }] };
    const ids = async (window: number) => (await searchArticles(store.db, { edition: 'en', terms: rail, limit: 10, offset: 0, window })).hits.map((h) => h.id);
    expect(await ids(10)).toEqual(['railway', 'rail-3', 'rail-2', 'rail-1']);
    expect(await ids(2)).toEqual(['rail-3', 'rail-2']);
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

  describe('in French and Arabic (one normaliser for both stores)', () => {
    const search = async (edition: 'fr' | 'ar', text: string) => {
      const terms = readSearchQuery(text).terms!;
      return searchArticles(store.db, { edition, terms, limit: 10, offset: 0 });
    };
    beforeEach(async () => {
      await writeContent(store.db, {
        sections: [],
        articles: [
          article({
            id: 'fr-vote',
            edition: 'fr',
            slug: 'vote',
            headline: 'Les élections législatives au Liban',
            standfirst: 'Un scrutin attendu depuis neuf ans.',
          }),
          article({
            id: 'fr-trains',
            edition: 'fr',
            slug: 'trains',
            headline: 'Le retour des trains de nuit',
            standfirst: 'L’Estonie redécouvre les couchettes.',
          }),
          article({
            id: 'ar-doctor',
            edition: 'ar',
            section: 'middle-east',
            slug: 'doctor',
            headline: 'الطبيب مُحَمَّدٌ يفتتح مستشفى جديدًا',
            standfirst: 'قال أحمد إن المستشفى سيستقبل المرضى الأسبوع المقبل.',
            body: [{ type: 'paragraph', content: [{ type: 'text', text: 'يقع المستشفى في ضاحية بيروت الجنوبية، ويضمّ مئة سرير.' }] }],
          }),
        ],
      });
    });

    it('folds accents and stems French: "election" finds "élections", "estonie couchette" finds "L’Estonie … couchettes"', async () => {
      expect((await search('fr', 'election')).hits.map((h) => h.id)).toEqual(['fr-vote']);
      expect((await search('fr', 'legislative')).hits.map((h) => h.id)).toEqual(['fr-vote']);
      expect((await search('fr', 'estonie couchette')).hits.map((h) => h.id)).toEqual(['fr-trains']);
      expect((await search('fr', 'election')).hits[0]?.markedHeadline).toBe(`Les ${highlightStart}élections${highlightEnd} législatives au Liban`);
    });

    it('normalises Arabic on both sides: محمد finds مُحَمَّدٌ, احمد finds أحمد, مستشفي finds مستشفى', async () => {
      expect((await search('ar', 'محمد')).hits.map((h) => h.id)).toEqual(['ar-doctor']);
      expect((await search('ar', 'احمد')).hits.map((h) => h.id)).toEqual(['ar-doctor']);
      expect((await search('ar', 'مستشفي')).hits.map((h) => h.id)).toEqual(['ar-doctor']);
      // And the other way round: harakat and hamza in the query are folded too.
      expect((await search('ar', 'مُحمّد')).hits.map((h) => h.id)).toEqual(['ar-doctor']);
      const hit = (await search('ar', 'محمد')).hits[0]!;
      expect(hit.markedHeadline).toBe(`الطبيب ${highlightStart}مُحَمَّدٌ${highlightEnd} يفتتح مستشفى جديدًا`);
    });

    it('cuts snippets on word boundaries, never between a letter and its marks', async () => {
      const hit = (await search('ar', 'بيروت')).hits[0]!;
      expect(hit.markedSnippet).toContain(`${highlightStart}بيروت${highlightEnd}`);
      const plain = hit.markedSnippet.replaceAll(highlightStart, '').replaceAll(highlightEnd, '');
      expect(/^\p{M}/u.test(plain)).toBe(false);
    });

    it('leaves the passage out when only headlines are wanted (not-found suggestions)', async () => {
      const { hits } = await searchArticles(store.db, { edition: 'ar', terms: readSearchQuery('محمد').terms!, limit: 10, offset: 0, snippets: false });
      expect(hits.map((h) => [h.id, h.markedSnippet])).toEqual([['ar-doctor', '']]);
      expect(hits[0]?.markedHeadline).toContain(highlightStart);
    });

    it('keeps each edition to its own stories', async () => {
      expect((await search('ar', 'election')).total).toBe(0);
      expect((await search('fr', 'محمد')).total).toBe(0);
    });
  });
});

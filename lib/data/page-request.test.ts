import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeContent } from '../store/write-content';
import path from 'node:path';
import { openStore, type Store } from '../store/database';
import { article, makeTempDir, openTestStore, testSections } from '../testing/fixtures';
import { decidePageRequest, decidePageRequestOnce, firstListPagePath, preferredEdition } from './page-request';
import { articlePath, parseListPageStart } from '../domain/urls';
import { getArticleById } from '../store/articles';
import { previewLink } from './preview';

let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  await writeContent(store.db, {
    sections: testSections,
    articles: [
      article({ id: 'live-one', slug: 'europol-raid', previousSlugs: ['police-raid'] }),
      article({ id: 'pulled-one', slug: 'pulled-story', status: 'withdrawn' }),
      ...Array.from({ length: 11 }, (_, i) =>
        article({ id: `africa-${i + 1}`, slug: `africa-story-${i + 1}`, section: 'africa', publishedAt: new Date(Date.UTC(2020, 0, i + 1)).toISOString() }),
      ),
    ],
  });
});

afterAll(async () => {
  await store.close();
});

const decide = (path: string, acceptLanguage?: string) => {
  const url = new URL(path, 'http://localhost');
  return decidePageRequest(store.db, { pathname: url.pathname, searchParams: url.searchParams, acceptLanguage });
};

describe('what a page URL answers before anything renders', () => {
  it('sends the bare domain to the default edition', async () => {
    expect(await decide('/')).toEqual({ kind: 'redirect', location: '/en', status: 307, vary: 'Accept-Language' });
    expect(await decide('/', 'fr-FR,fr;q=0.9,en;q=0.5')).toMatchObject({ location: '/fr', vary: 'Accept-Language' });
    expect(await decide('/', 'ar-LB,ar;q=0.9')).toMatchObject({ location: '/ar' });
    expect(await decide('/', 'de-DE,de;q=0.9')).toMatchObject({ location: '/en' });
  });

  it('picks the edition from the languages a reader accepts', () => {
    expect(preferredEdition('de-DE, en-GB;q=0.8')).toBe('en');
    expect(preferredEdition('*')).toBe('en');
    expect(preferredEdition('en;q=0, garbage;;;')).toBe('en');
  });

  it("picks among several editions by the reader's order of preference, and falls back to the default", () => {
    // A second edition, as a fixture: with one edition every answer would be the default.
    const two = [
      { id: 'en', lang: 'en-GB' },
      { id: 'fr', lang: 'fr-FR' },
    ] as const;
    expect(preferredEdition('fr-CA, en;q=0.5', two, 'en')).toBe('fr');
    expect(preferredEdition('de-DE, fr;q=0.3, en;q=0.8', two, 'en')).toBe('en');
    expect(preferredEdition('de-DE, fr;q=0.3', two, 'en')).toBe('fr');
    expect(preferredEdition('FR', two, 'en')).toBe('fr');
    expect(preferredEdition('fr;q=0, de', two, 'en')).toBe('en');
    expect(preferredEdition('', two, 'fr')).toBe('fr');
    expect(preferredEdition(null, two, 'fr')).toBe('fr');
  });

  it('renders editions, stories and site pages; search is not for shared caches', async () => {
    for (const path of ['/en', '/en/europe/20180427-europol-raid', '/en/about']) {
      expect(await decide(path)).toEqual({ kind: 'render' });
    }
    expect(await decide('/en/search?q=x')).toEqual({ kind: 'render', cacheable: false });
  });

  it('renders each page of a section, tag or author list at its own cacheable path', async () => {
    expect(await decide('/en/europe')).toEqual({ kind: 'rewrite', path: '/en/lists/section/europe/1/top' });
    expect(await decide('/en/tag/europol')).toEqual({ kind: 'rewrite', path: '/en/lists/tag/europol/1/top' });
    expect(await decide('/en/author/claire-dubois')).toEqual({ kind: 'rewrite', path: '/en/lists/author/claire-dubois/1/top' });
  });

  it('tells a later page where it starts: after the last story of the page before', async () => {
    // Eleven stories in africa, ten to a page, newest first: page 2 starts after the tenth newest.
    const tenth = { publishedTs: Date.UTC(2020, 0, 2), id: 'africa-2' };
    expect(await decide('/en/africa?page=2')).toEqual({ kind: 'rewrite', path: `/en/lists/section/africa/2/${tenth.publishedTs}~africa-2` });
    expect(await decide('/en/africa?page=3')).toEqual({ kind: 'unavailable', edition: 'en', status: 404 });
    expect(parseListPageStart(`${tenth.publishedTs}~africa-2`)).toEqual(tenth);
    expect(parseListPageStart('top')).toBeNull();
    expect(parseListPageStart(`${Date.UTC(1968, 4, 10)}~archive-story`)).toEqual({ publishedTs: Date.UTC(1968, 4, 10), id: 'archive-story' });
    for (const bad of ['', '12~', '~africa-2', '12~Africa', '1.5~africa-2', '--12~africa-2', `${'9'.repeat(16)}~africa-2`])
      expect(parseListPageStart(bad), bad).toBeUndefined();
  });

  it('moves a renamed story, or one asked for under the wrong section or date, in one hop', async () => {
    const moved = { kind: 'redirect', location: '/en/europe/20180427-europol-raid', status: 301 };
    expect(await decide('/en/europe/20180427-police-raid')).toEqual(moved);
    expect(await decide('/en/africa/20180427-europol-raid')).toEqual(moved);
    expect(await decide('/en/africa/20990101-police-raid')).toEqual(moved);
  });

  it('keeps the query string when it moves a story', async () => {
    expect(await decide('/en/europe/20180427-police-raid?utm_source=feed')).toMatchObject({ location: '/en/europe/20180427-europol-raid?utm_source=feed' });
  });

  it('gives each page of a list one URL, and answers 404 past the last page', async () => {
    expect(await decide('/en/europe?page=1')).toEqual({ kind: 'redirect', location: '/en/europe', status: 301 });
    expect(await decide('/en/europe?page=abc')).toEqual({ kind: 'redirect', location: '/en/europe', status: 301 });
    expect(await decide('/en/tag/europol?page=02')).toEqual({ kind: 'redirect', location: '/en/tag/europol?page=2', status: 301 });
    // One published story in europe: there is no page 2 at any page size.
    expect(await decide('/en/europe?page=2')).toEqual({ kind: 'unavailable', edition: 'en', status: 404 });
    expect(await decide('/en/author/claire-dubois?page=9')).toEqual({ kind: 'unavailable', edition: 'en', status: 404 });
  });

  it('answers 410 for a withdrawn story', async () => {
    expect(await decide('/en/europe/20180427-pulled-story')).toEqual({ kind: 'unavailable', edition: 'en', status: 410 });
  });

  it('answers 404 for everything that does not exist, in the edition asked for', async () => {
    const missing = { kind: 'unavailable', edition: 'en', status: 404 };
    for (const path of [
      '/en/asia',
      '/en/europe/20180427-no-such-story',
      '/en/europe/not-a-story',
      '/en/europe/20180427-europol-raid/extra',
      '/en/unavailable',
      '/en/lists/section/europe/1',
      '/en/lists/section/europe/1/top',
      '/en/tag/no-such-tag',
      '/en/tag',
      '/en/tag/europol/more',
      '/en/author/nobody',
      '/en/about/more',
      '/en/search/more',
      '/en/europe/',
      '/en//europe',
      '/en/%2e%2e/%2e%2e/etc/passwd',
      '/en/europe/20180427-a%00b',
      `/en/europe/20180427-${'a'.repeat(3000)}`,
    ]) {
      expect(await decide(path), path).toEqual(missing);
    }
    expect(await decide('/xx/europe')).toEqual({ kind: 'unavailable', edition: 'en', status: 404 });
  });
});

describe('the first page of a list, named without the store', () => {
  const first = (path: string) => {
    const url = new URL(path, 'http://localhost');
    return firstListPagePath(url.pathname, url.searchParams);
  };

  it('is the internal path the proxy rewrites a list URL to when the store answers', async () => {
    expect(await decide('/en/africa')).toEqual({ kind: 'rewrite', path: first('/en/africa') });
    expect(first('/en/tag/energy')).toBe('/en/lists/tag/energy/1/top');
    expect(first('/en/author/jonas-berg')).toBe('/en/lists/author/jonas-berg/1/top');
  });

  it('is nothing for other pages: stories, deeper pages, reserved paths, other editions', () => {
    for (const path of [
      '/en',
      '/en/africa?page=2',
      '/en/africa/20200101-africa-story-1',
      '/en/about',
      '/en/search',
      '/en/tag',
      '/xx/africa',
      '/en/Not-A-Slug',
      '/en/tag/energy/more',
    ]) {
      expect(first(path), path).toBeNull();
    }
  });
});

describe('drafts, scheduled stories and their previews (decision 015)', () => {
  it('answers a draft’s or a scheduled story’s address 404, like a story that does not exist, and its signed preview link only', async () => {
    const draft = article({ id: 'draft-one', slug: 'draft-story', status: 'draft' });
    const scheduled = article({ id: 'scheduled-one', slug: 'scheduled-story', publishedAt: new Date(Date.now() + 3_600_000).toISOString() });
    await writeContent(store.db, { sections: [], articles: [draft, scheduled] });
    for (const story of [draft, scheduled]) expect(await decide(articlePath(story))).toEqual({ kind: 'unavailable', edition: 'en', status: 404 });

    const stored = (await getArticleById(store.db, 'draft-one'))!;
    const { path } = await previewLink(store.db, stored);
    expect(await decide(path)).toEqual({ kind: 'render', cacheable: false, preview: true });
    const token = path.split('/').at(-1)!;
    const missing = { kind: 'unavailable', edition: 'en', status: 404 };
    expect(await decide(path.replace('/en/', '/fr/'))).toEqual({ kind: 'unavailable', edition: 'fr', status: 404 });
    expect(await decide(`${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`)).toEqual(missing);
    expect(await decide(`${path}/more`)).toEqual(missing);
    expect(await decide('/en/preview')).toEqual(missing);
    expect(await decide(`/en/preview/${token.replace('draft-one', 'live-one')}`)).toEqual(missing);
    // Expired: a link made three days ago.
    const old = await previewLink(store.db, stored, Date.now() - 4 * 24 * 3_600_000);
    expect(await decide(old.path)).toEqual(missing);
    // Written again: the old link is revoked.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writeContent(store.db, { sections: [], articles: [{ ...draft, headline: 'A second draft' }] });
    expect(await decide(path)).toEqual(missing);
    // Published: no preview at all, even with a link signed for what is stored now.
    await writeContent(store.db, { sections: [], articles: [{ ...scheduled, publishedAt: '2018-04-27T14:05:00+02:00' }] });
    expect(await decide((await previewLink(store.db, (await getArticleById(store.db, 'scheduled-one'))!)).path)).toEqual(missing);
  });
});

describe('decisions remembered while the store is unchanged (issue 17)', () => {
  it('answers a URL from memory until anything is committed, by this process or another; never a search', async () => {
    // A file store of its own, and a second connection to it standing for another process.
    const own = await openStore({ kind: 'sqlite', path: path.join(makeTempDir('newsroom-decisions-'), 'test.sqlite') });
    const other = await openStore(own.config);
    try {
      await writeContent(own.db, { sections: testSections, articles: [article({ id: 'remembered', slug: 'remembered-story' })] });
      const remembered = { version: -1, decisions: new Map() };
      const at = articlePath(article({ id: 'remembered', slug: 'remembered-story' }));
      const ask = (pathname: string) => decidePageRequestOnce(own.db, own.version, { pathname, searchParams: new URLSearchParams() }, remembered);
      expect(own.version).toBeTypeOf('function');

      expect(await ask(at)).toEqual({ kind: 'render' });
      expect(remembered.decisions.has(`${at}?`)).toBe(true);
      await ask('/en/search');
      expect(remembered.decisions.has('/en/search?')).toBe(false);

      // Withdrawn through the other connection: the next request sees it.
      await writeContent(other.db, { sections: [], articles: [article({ id: 'remembered', slug: 'remembered-story', status: 'withdrawn' })] });
      expect(await ask(at)).toEqual({ kind: 'unavailable', edition: 'en', status: 410 });
      // And through this one.
      await writeContent(own.db, { sections: [], articles: [article({ id: 'remembered', slug: 'remembered-story' })] });
      expect(await ask(at)).toEqual({ kind: 'render' });
    } finally {
      await other.close();
      await own.close();
    }
  });

  it('decides every request again where the store has no change counter (PostgreSQL)', async () => {
    const remembered = { version: -1, decisions: new Map() };
    await decidePageRequestOnce(store.db, undefined, { pathname: '/en/about' }, remembered);
    expect(remembered.decisions.size).toBe(0);
  });
});

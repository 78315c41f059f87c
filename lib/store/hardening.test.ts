import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { article, storePerTest } from '../testing/fixtures';
import { getArticleById } from './articles';
import { highlightEnd, highlightStart } from '../domain/stories';
import { listSections } from './sections';
import { searchArticles } from './search';
import { ensureSearchIndex } from './search/reindex';
import { writeContent } from './write-content';
import { readAuthFailures, recordAuthFailure } from './auth-failures';
import { textWithoutControlCharactersMigration } from './migrations/011-text-without-control-characters';

/** Contract tests (SQLite and PostgreSQL): what the store does for the site's hardening (issue 13). */

const store = storePerTest();

describe('failed publishing logins', () => {
  it('counts every one of many sent at once, per address, in a window that closes', async () => {
    const window = 60_000;
    const now = Date.now();
    const counts = await Promise.all(Array.from({ length: 40 }, () => recordAuthFailure(store.db, '198.51.100.7', now, window)));
    expect(counts.map((c) => c.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await readAuthFailures(store.db, '198.51.100.7', now + 1, window)).failures).toBe(40);
    expect((await readAuthFailures(store.db, '203.0.113.1', now + 1, window)).failures).toBe(0);
    // Once the window has closed, the address starts again.
    expect((await readAuthFailures(store.db, '198.51.100.7', now + window + 1, window)).failures).toBe(0);
    expect((await recordAuthFailure(store.db, '198.51.100.7', now + window + 1, window)).failures).toBe(1);
  });
});

describe('text stored before control characters were refused', () => {
  it('is cleaned by migration 011: stories, search, updates, names', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({ id: 'old-story', slug: 'old-story', tags: ['Europol'], body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Servers seized.' }] }] }),
      ],
    });
    // As an older version could have written it: control characters in the row, the document and the search index.
    const dirty = (text: string) => `${text.slice(0, 3)}\u0001\u0002${text.slice(3)}\u0003`;
    const stored = (await getArticleById(store.db, 'old-story'))?.article;
    const document = JSON.stringify({
      ...stored,
      headline: dirty('Old headline'),
      body: [{ type: 'paragraph', content: [{ type: 'text', text: dirty('Servers seized.') }] }],
    });
    await sql`update articles set headline = ${dirty('Old headline')}, document = ${document} where id = 'old-story'`.execute(store.db);
    await sql`update sections set name = ${dirty('Europe')} where slug = 'europe'`.execute(store.db);
    await sql`update article_tags set tag_name = ${dirty('Europol')} where article_id = 'old-story'`.execute(store.db);

    await textWithoutControlCharactersMigration.up(store.db);
    // Migration 012 came after and emptied the index, which the store rebuilds when it opens.
    await sql`delete from site_settings where key = 'search_text_version'`.execute(store.db);
    await ensureSearchIndex(store.db);

    const cleaned = (await getArticleById(store.db, 'old-story'))?.article;
    expect(cleaned?.headline).toBe('Old headline');
    expect(JSON.stringify(cleaned)).not.toMatch(/[\u0001-\u0003]/);
    expect((await listSections(store.db, 'en')).find((s) => s.slug === 'europe')?.name).toBe('Europe');
    const { hits } = await searchArticles(store.db, { edition: 'en', terms: { all: true, words: [{ word: 'seized', prefix: false }] }, limit: 10, offset: 0 });
    expect(hits.map((h) => h.id)).toEqual(['old-story']);
    // The only markers left in a result are the ones the search put there.
    const marks = (text: string) => [...text].filter((c) => c === highlightStart || c === highlightEnd).length;
    expect(marks(hits[0]!.markedHeadline)).toBe(0);
    expect(marks(hits[0]!.markedSnippet)).toBe(2);
  });
});

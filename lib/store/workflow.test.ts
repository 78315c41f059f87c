import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { article, storePerTest } from '../testing/fixtures';
import { getArticleById, resolveArticleUrl } from './articles';
import { latestCacheTagSeq, listCacheTagEvents } from './cache-events';
import { listStories } from './lists';
import { getMediaBytes, getMediaInfo, saveMedia } from './media';
import { listRelated } from './related';
import { dueScheduledStories, nextScheduledTimes } from './schedule';
import { searchArticles } from './search';
import { listSitemapMonths, listStoriesPublishedBetween } from './sitemaps';
import { ContentConflictError } from './store-errors';
import { writeContent } from './write-content';
import { contentTags } from '../domain/content-tags';
import { articlePath, pathDate } from '../domain/urls';
import { createHash } from 'node:crypto';

/** The newsroom's workflow in the store (decision 015): drafts, scheduled stories, corrections, uploaded pictures. */

const store = storePerTest();

const inOneMinute = () => new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const search = (word: string) => searchArticles(store.db, { edition: 'en', terms: { all: true, words: [{ word, prefix: false }] }, limit: 10, offset: 0 });
const locatorOf = (story: ReturnType<typeof article>) => ({
  edition: story.edition,
  section: story.section,
  slug: story.slug,
  date: pathDate(story.edition, story.publishedAt),
});

/** Everywhere a reader or a crawler could meet a story: its address, lists, tags, search, sitemaps, related stories. */
async function publicly(id: string, story: ReturnType<typeof article>) {
  const [edition, tag, hits, months, sitemap, related] = await Promise.all([
    listStories(store.db, { edition: 'en', limit: 50 }),
    listStories(store.db, { edition: 'en', filter: { kind: 'tag', slug: 'europol' }, limit: 50 }),
    search('zeppelin'),
    listSitemapMonths(store.db, 'en'),
    listStoriesPublishedBetween(store.db, { edition: 'en', fromTs: Date.UTC(2000, 0), toTs: Date.UTC(2100, 0), limit: 100 }),
    listRelated(store.db, { id: 'other', edition: 'en', section: 'europe', tags: ['Europol'] }, 10),
  ]);
  return {
    address: (await resolveArticleUrl(store.db, locatorOf(story))).kind,
    inLists: edition.items.some((s) => s.id === id) || tag.items.some((s) => s.id === id),
    inSearch: hits.hits.some((h) => h.id === id),
    inSitemaps: sitemap.some((entry) => entry.path === articlePath(story)) || months.length > 0,
    inRelated: related.some((s) => s.id === id),
  };
}

const absent = { address: 'missing', inLists: false, inSearch: false, inSitemaps: false, inRelated: false };
const present = { address: 'found', inLists: true, inSearch: true, inSitemaps: true, inRelated: true };
const zeppelin = { headline: 'A zeppelin over Lake Constance', tags: ['Europol'] };

describe('drafts', () => {
  it('are stored but nowhere public, as if they did not exist', async () => {
    const draft = article({ id: 'draft-story', slug: 'draft-story', status: 'draft', ...zeppelin });
    await writeContent(store.db, { sections: [], articles: [draft] });
    expect((await getArticleById(store.db, 'draft-story'))?.status).toBe('draft');
    expect(await publicly('draft-story', draft)).toEqual(absent);
    // Published later: everywhere.
    await writeContent(store.db, { sections: [], articles: [{ ...draft, status: 'published' }] });
    expect(await publicly('draft-story', draft)).toEqual(present);
  });
});

describe('scheduled stories', () => {
  it('are nowhere public until their time, then are published by a write that invalidates what they enter', async () => {
    const scheduled = article({ id: 'scheduled-story', slug: 'scheduled-story', publishedAt: inOneMinute(), ...zeppelin });
    await writeContent(store.db, { sections: [], articles: [scheduled] });
    expect((await getArticleById(store.db, 'scheduled-story'))?.status).toBe('scheduled');
    expect(await publicly('scheduled-story', scheduled)).toEqual(absent);
    expect((await nextScheduledTimes(store.db)).get('en')).toBe(Date.parse(scheduled.publishedAt));
    expect(await dueScheduledStories(store.db, Date.now())).toEqual([]);

    // Its time comes (here: the clock moved on by making it due now).
    const due = await dueScheduledStories(store.db, Date.parse(scheduled.publishedAt));
    expect(due.map((s) => s.id)).toEqual(['scheduled-story']);
    const seq = await latestCacheTagSeq(store.db);
    const now = Date.parse(scheduled.publishedAt) + 1;
    const realNow = Date.now;
    Date.now = () => now;
    try {
      const summary = await writeContent(store.db, { sections: [], articles: due }, { onlyScheduled: true });
      expect(summary.updated).toEqual(['scheduled-story']);
      // A second server reaching it a moment later leaves it alone.
      const again = await writeContent(store.db, { sections: [], articles: due }, { onlyScheduled: true });
      expect(again.updated).toEqual([]);
    } finally {
      Date.now = realNow;
    }
    expect((await getArticleById(store.db, 'scheduled-story'))?.status).toBe('published');
    const tags = (await listCacheTagEvents(store.db, seq)).map((e) => e.tag);
    expect(tags).toEqual(expect.arrayContaining([contentTags.latest('en'), contentTags.section('en', 'europe'), contentTags.sitemaps('en')]));
    expect(await nextScheduledTimes(store.db)).toEqual(new Map());
    const { address, inLists, inSearch, inRelated } = await publicly('scheduled-story', scheduled);
    expect({ address, inLists, inSearch, inRelated }).toEqual({ address: 'found', inLists: true, inSearch: true, inRelated: true });
  });

  it('may be moved back to a draft, or out of the schedule, by writing them again', async () => {
    const scheduled = article({ id: 'later', slug: 'later', publishedAt: inOneMinute() });
    await writeContent(store.db, { sections: [], articles: [scheduled] });
    await writeContent(store.db, { sections: [], articles: [{ ...scheduled, status: 'draft' }] });
    expect((await getArticleById(store.db, 'later'))?.status).toBe('draft');
    expect(await nextScheduledTimes(store.db)).toEqual(new Map());
  });
});

describe('corrections', () => {
  const correction = { at: '2018-04-28T09:00:00+02:00', text: 'An earlier version gave the wrong number of countries.' };

  it('bump the modified time and are kept by a later write that leaves them out', async () => {
    const story = article({ id: 'corrected', slug: 'corrected', corrections: [correction] });
    expect(story.updatedAt).toBe(correction.at);
    await writeContent(store.db, { sections: [], articles: [story] });
    await writeContent(store.db, { sections: [], articles: [article({ id: 'corrected', slug: 'corrected', headline: 'A new headline' })] });
    const stored = await getArticleById(store.db, 'corrected');
    expect(stored?.article.corrections).toEqual([correction]);
    // The new headline is a change readers see: the story's time moves past the correction's (issue 32).
    expect(Date.parse(stored!.article.updatedAt!)).toBeGreaterThan(Date.parse(correction.at));
    expect(stored?.article.headline).toBe('A new headline');
  });

  it('are append-only: changing one is refused, naming the field, and nothing is written', async () => {
    await writeContent(store.db, { sections: [], articles: [article({ id: 'corrected', slug: 'corrected', corrections: [correction] })] });
    const attempt = writeContent(store.db, {
      sections: [],
      articles: [article({ id: 'corrected', slug: 'corrected', headline: 'Changed', corrections: [{ ...correction, text: 'Something else.' }] })],
    });
    await expect(attempt).rejects.toThrow(ContentConflictError);
    await expect(attempt).rejects.toMatchObject({ field: 'corrections' });
    expect((await getArticleById(store.db, 'corrected'))?.article.headline).toBe('A test story');
  });
});

describe('uploaded pictures', () => {
  const picture = async () => {
    const bytes = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 200, g: 80, b: 40 } } })
      .jpeg()
      .toBuffer();
    const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    return { id, contentType: 'image/jpeg', extension: 'jpg', width: 640, height: 360, bytes: new Uint8Array(bytes), suggestedCredit: null };
  };

  it('are stored once by their hash, with their size and bytes', async () => {
    const record = await picture();
    expect(await saveMedia(store.db, record)).toBe(true);
    expect(await saveMedia(store.db, record)).toBe(false);
    expect((await getMediaInfo(store.db, [record.id])).get(record.id)).toMatchObject({ width: 640, height: 360, contentType: 'image/jpeg' });
    const stored = await getMediaBytes(store.db, record.id);
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(record.bytes))).toBe(true);
  });

  it('are written with the stories of their batch, or not at all', async () => {
    const record = await picture();
    const bad = article({ id: 'bad', slug: 'bad', section: 'asia', mainImage: { ...article().mainImage, src: `/media/${record.id}.jpg` } });
    await expect(writeContent(store.db, { sections: [], articles: [bad], media: [record] })).rejects.toThrow(/section "asia"/);
    expect((await getMediaInfo(store.db, [record.id])).size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { article, storePerTest } from '../testing/fixtures';
import { writeContent } from './write-content';
import { countPublicVersions, listStoryVersions, redactVersion } from './story-versions';
import { listCorrections } from './corrections';
import { getArticleById } from './articles';
import { latestCacheTagSeq, listCacheTagEvents } from './cache-events';
import { contentTags } from '../domain/content-tags';

/** A story's versions (issue 32): kept append-only as readers saw them, and redacted for a legal reason. */

const store = storePerTest();
const write = (...articles: ReturnType<typeof article>[]) => writeContent(store.db, { sections: [], articles });
const paragraph = (text: string) => [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }];

describe('story versions', () => {
  it('keeps the version a write replaces when readers would see a difference, and only then', async () => {
    await write(article({ headline: 'Police raid servers' }));
    await write(article({ headline: 'Police raid servers' }));
    expect(await countPublicVersions(store.db, 'test-story')).toBe(1);
    await write(article({ headline: 'Police raid servers in eight countries', updatedAt: '2018-04-28T09:00:00Z' }));
    await write(article({ headline: 'Police raid servers in eight countries', body: paragraph('A second paragraph.') }));
    const versions = await listStoryVersions(store.db, 'test-story', { publicOnly: true });
    expect(versions?.map((v) => [v.n, v.article?.headline])).toEqual([
      [1, 'Police raid servers'],
      [2, 'Police raid servers in eight countries'],
      [3, 'Police raid servers in eight countries'],
    ]);
    // The editor's own time is kept; a write that forgot to move it gets the time of the write.
    expect(versions?.[1]?.at).toBe('2018-04-28T09:00:00Z');
    expect(Date.parse(versions![2]!.at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await getArticleById(store.db, 'test-story'))?.article.updatedAt).toBe(versions![2]!.at);
  });

  it('keeps a draft’s versions from readers', async () => {
    await write(article({ status: 'draft', headline: 'First draft' }));
    await write(article({ status: 'draft', headline: 'Second draft' }));
    await write(article({ headline: 'Published' }));
    expect((await listStoryVersions(store.db, 'test-story', { publicOnly: true }))?.map((v) => v.article?.headline)).toEqual(['Published']);
    expect((await listStoryVersions(store.db, 'test-story', { publicOnly: false }))?.map((v) => [v.article?.headline, v.isPublic])).toEqual([
      ['First draft', false],
      ['Second draft', false],
      ['Published', true],
    ]);
    expect(await countPublicVersions(store.db, 'test-story')).toBe(1);
  });

  it('redacts a kept version: its text gone, its reason kept, its pages purged; never the current one', async () => {
    await write(article({ standfirst: 'Names a private person.' }));
    await write(article({ standfirst: 'Names nobody.', updatedAt: '2018-04-28T09:00:00Z' }));
    expect(await redactVersion(store.db, 'test-story', 2, 'Court order')).toEqual({ kind: 'current' });
    expect(await redactVersion(store.db, 'test-story', 3, 'Court order')).toEqual({ kind: 'missing' });
    expect(await redactVersion(store.db, 'other-story', 1, 'Court order')).toEqual({ kind: 'missing' });
    const seq = await latestCacheTagSeq(store.db);
    const outcome = await redactVersion(store.db, 'test-story', 1, 'Court order');
    expect(outcome.kind === 'redacted' && outcome.version.redaction?.reason).toBe('Court order');
    expect((await listCacheTagEvents(store.db, seq)).map((e) => e.tag)).toContain(contentTags.storySlug('en', 'test-story'));
    const [first] = (await listStoryVersions(store.db, 'test-story', { publicOnly: true }))!;
    expect(first).toMatchObject({ n: 1, article: null, redaction: { reason: 'Court order' } });
    expect(JSON.stringify(await listStoryVersions(store.db, 'test-story', { publicOnly: false }))).not.toContain('private person');
    // A second redaction keeps the first reason.
    await redactVersion(store.db, 'test-story', 1, 'Another reason');
    expect((await listStoryVersions(store.db, 'test-story', { publicOnly: true }))?.[0]?.redaction?.reason).toBe('Court order');
  });
});

describe('the corrections of an edition', () => {
  it('lists corrections of published stories, newest first, and drops a withdrawn story’s', async () => {
    await write(
      article({ corrections: [{ at: '2018-04-28T10:00:00Z', text: 'An earlier version misspelt a name.' }] }),
      article({ id: 'second', slug: 'second', corrections: [{ at: '2018-04-29T10:00:00Z', text: 'The date was wrong.' }] }),
    );
    expect((await listCorrections(store.db, 'en', 10)).map((c) => [c.text, c.story.id])).toEqual([
      ['The date was wrong.', 'second'],
      ['An earlier version misspelt a name.', 'test-story'],
    ]);
    expect(await listCorrections(store.db, 'fr', 10)).toEqual([]);
    await write(article({ id: 'second', slug: 'second', status: 'withdrawn' }));
    expect((await listCorrections(store.db, 'en', 10)).map((c) => c.story.id)).toEqual(['test-story']);
  });
});

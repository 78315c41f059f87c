import { describe, expect, it } from 'vitest';
import { tagsAffectedByStory, type StoryPlacement } from './content-tags';

const story: StoryPlacement = {
  id: 'one',
  edition: 'en',
  section: 'europe',
  slugs: ['new-name', 'old-name'],
  tags: ['Europol', 'Islamic State group'],
  authors: ['claire-dubois'],
  status: 'published',
  publishedTs: 1,
  translationGroup: null,
};

describe('the tags a change to a story affects', () => {
  it('are the story under its id and every slug, its lists, and the sitemaps', () => {
    expect(tagsAffectedByStory(undefined, story, false)).toEqual([
      'author:en:claire-dubois',
      'section:en:europe',
      'sitemaps:en',
      'story:en:new-name',
      'story:en:old-name',
      'story:one',
      'tag:en:europol',
      'tag:en:islamic-state-group',
    ]);
  });

  it('include the lists it leaves as well as those it joins', () => {
    const moved = tagsAffectedByStory(story, { ...story, section: 'africa', tags: ['Internet'], authors: ['tom-hartley'] }, false);
    expect(moved).toEqual(
      expect.arrayContaining([
        'section:en:europe',
        'section:en:africa',
        'tag:en:europol',
        'tag:en:internet',
        'author:en:claire-dubois',
        'author:en:tom-hartley',
      ]),
    );
  });

  it('include the latest lists only when the story is among the newest', () => {
    expect(tagsAffectedByStory(undefined, story, true)).toContain('latest:en');
    expect(tagsAffectedByStory(undefined, story, false)).not.toContain('latest:en');
  });
});

describe('a story with translations', () => {
  it('also makes its translations and every edition’s sitemaps stale', async () => {
    const { tagsAffectedByStory, contentTags } = await import('./content-tags');
    const translated = {
      id: 'x',
      edition: 'fr' as const,
      section: 'europe',
      slugs: ['x'],
      tags: ['الإرهاب'],
      authors: [],
      status: 'published' as const,
      publishedTs: 1,
      translationGroup: 'europol',
    };
    const tags = tagsAffectedByStory(undefined, translated, false);
    expect(tags).toContain(contentTags.translations('europol'));
    for (const edition of ['en', 'fr', 'ar'] as const) expect(tags).toContain(contentTags.sitemaps(edition));
    // Tags travel in HTTP headers: Latin-1 only.
    for (const tag of tags) expect(tag).toMatch(/^[\x20-\x7e]+$/);
  });
});

import { editionIds, type EditionId } from './editions';
import { slugify } from './slug';
import type { StoredStatus } from './stories';

/**
 * The cache tags of our content. Every cached read is tagged with what it depends on; every
 * write records the tags it affects, in the same transaction (see writeContent), and the cache
 * handler drops whatever carries one of them.
 */
export const contentTags = {
  /** One story: its page and its live updates. By id, and by the slug its URL is read with. */
  story: (id: string) => `story:${id}`,
  storySlug: (edition: EditionId, slug: string) => `story:${edition}:${slug}`,
  /** The newest stories of an edition: home front, latest rails, the edition's feeds. */
  latest: (edition: EditionId) => `latest:${edition}`,
  section: (edition: EditionId, slug: string) => `section:${edition}:${slug}`,
  // Tags travel in HTTP headers (x-next-cache-tags), which carry Latin-1 only: an Arabic slug goes percent-encoded.
  tag: (edition: EditionId, slug: string) => `tag:${edition}:${encodeURIComponent(slug)}`,
  author: (edition: EditionId, slug: string) => `author:${edition}:${encodeURIComponent(slug)}`,
  /** Every story of a translation group: each page links to the others. */
  translations: (group: string) => `translations:${group}`,
  /** The list of an edition's sections: navigation and footer on every page. */
  sections: (edition: EditionId) => `sections:${edition}`,
  sitemaps: (edition: EditionId) => `sitemaps:${edition}`,
  /** What editors chose to lead a front: the edition's home, or a section's first page (decision 019). */
  front: (edition: EditionId, section?: string) => (section ? `front:${edition}:${section}` : `front:${edition}`),
  /** The breaking-news banner: on every page of the edition. */
  breaking: (edition: EditionId) => `breaking:${edition}`,
  /** An uploaded video or recording: the pages that play it, until its renditions are ready (decision 025). */
  media: (id: string) => `media:${id}`,
  /** An edition's corrections page and feeds (issue 32): any write to a story that has corrections. */
  corrections: (edition: EditionId) => `corrections:${edition}`,
  /** An edition's most read stories (issue 32): the home and every story page, purged when the list's order changes. */
  mostRead: (edition: EditionId) => `most-read:${edition}`,
};

/** What of a story decides where it appears. */
export type StoryPlacement = {
  id: string;
  edition: EditionId;
  section: string;
  slugs: string[];
  tags: string[];
  authors: string[];
  status: StoredStatus;
  publishedTs: number;
  translationGroup: string | null;
};

/**
 * The tags a change to a story affects: the story, every list it was or is in, and the sitemaps.
 * The edition's latest lists only when the story was or is among the newest (`inLatest`).
 */
export function tagsAffectedByStory(before: StoryPlacement | undefined, after: StoryPlacement, inLatest: boolean): string[] {
  const tags = new Set<string>([contentTags.story(after.id), contentTags.sitemaps(after.edition)]);
  for (const placement of before ? [before, after] : [after]) {
    for (const slug of placement.slugs) tags.add(contentTags.storySlug(placement.edition, slug));
    tags.add(contentTags.section(placement.edition, placement.section));
    for (const tag of placement.tags) tags.add(contentTags.tag(placement.edition, slugify(tag)));
    for (const author of placement.authors) tags.add(contentTags.author(placement.edition, author));
    // Its translations link to it, and so do their editions' sitemaps: withdrawn, moved or regrouped, they must change at once.
    if (placement.translationGroup) {
      tags.add(contentTags.translations(placement.translationGroup));
      for (const edition of editionIds) tags.add(contentTags.sitemaps(edition));
    }
  }
  if (inLatest) tags.add(contentTags.latest(after.edition));
  return [...tags].sort();
}

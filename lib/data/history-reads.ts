import 'server-only';
import { cache } from 'react';
import { cachedRead } from '../cache/cached-read';
import { contentTags } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import { getStore } from '../store/database';
import { countPublicVersions, listStoryVersions } from '../store/story-versions';
import { listCorrections } from '../store/corrections';
import { getArticle } from './reads';

/**
 * What the history and corrections pages read (issue 32), through the data cache like every
 * other read: a story's history is tagged with the story, so a write or a redaction purges it
 * with the story's page; the corrections with the edition's corrections tag.
 */

/** How many versions readers have seen of a published story: its page links to its history from 2. */
export const getPublicVersionCount = cache((id: string, edition: EditionId, slug: string) =>
  cachedRead(['public-versions', id], [contentTags.story(id), contentTags.storySlug(edition, slug)], async () => {
    const { db } = await getStore();
    return countPublicVersions(db, id);
  }),
);

/** A published story at its address, and the versions readers saw of it, oldest first; null when there is none. */
export const getStoryHistory = cache(async (edition: EditionId, section: string, date: string, slug: string) => {
  const article = await getArticle(edition, section, date, slug);
  if (!article) return null;
  const versions = await cachedRead(['story-history', article.id], [contentTags.story(article.id), contentTags.storySlug(edition, slug)], async () => {
    const { db } = await getStore();
    return (await listStoryVersions(db, article.id, { publicOnly: true })) ?? [];
  });
  return { article, versions };
});

/** How many corrections the corrections page and feeds show: the newest. */
const correctionsShown = 100;

export const getEditionCorrections = cache((edition: EditionId) =>
  cachedRead(['corrections', edition], [contentTags.corrections(edition)], async () => {
    const { db } = await getStore();
    return listCorrections(db, edition, correctionsShown);
  }),
);

import 'server-only';
import { cache } from 'react';
import type { ArticleLocator } from '../article-path';
import type { EditionId } from '../editions';
import * as repository from './article-repository';
import { getStore } from './database';

/**
 * What pages read, wrapped in React's per-request `cache`: the layout, the page and
 * generateMetadata may all ask for the same story or the same sections, and one request
 * still runs each query once.
 */

export const getArticle = cache(async (edition: EditionId, section: string, date: string, slug: string) => {
  const { db } = await getStore();
  const locator: ArticleLocator = { edition, section, date, slug };
  return repository.getArticleByLocator(db, locator);
});

export const getSections = cache(async (edition: EditionId) => {
  const { db } = await getStore();
  return repository.listSections(db, edition);
});

export const getSection = cache(async (edition: EditionId, slug: string) => {
  const sections = await getSections(edition);
  return sections.find((s) => s.slug === slug);
});

export const getLatest = cache(async (edition: EditionId, limit: number, section?: string) => {
  const { db } = await getStore();
  return repository.listLatest(db, { edition, section, limit });
});

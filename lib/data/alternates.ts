import 'server-only';
import type { Article, Section } from '../domain/article-schema';
import { editionIds } from '../domain/editions';
import { articlePath, sectionPath, type EditionAlternate } from '../domain/urls';
import { getSectionCounterparts, getTranslations } from './reads';

/**
 * A page's counterparts in the other editions (itself included), for hreflang alternates, the
 * language switcher and a story's links to its translations. Read through the cache, tagged so
 * that a translation withdrawn, moved or regrouped drops out of the others at once.
 */

export async function storyAlternates(article: Article): Promise<EditionAlternate[]> {
  const self: EditionAlternate = { edition: article.edition, path: articlePath(article), headline: article.headline, publishedAt: article.publishedAt };
  if (!article.translationGroup) return [self];
  const translations = await getTranslations(article.translationGroup);
  const others = translations
    .filter((t) => t.id !== article.id)
    .map((t) => ({ edition: t.edition, path: t.path, headline: t.headline, publishedAt: t.publishedAt }));
  return inEditionOrder([self, ...others]);
}

export async function sectionAlternates(section: Section): Promise<EditionAlternate[]> {
  const counterparts = await getSectionCounterparts(section.group ?? section.slug);
  const others = counterparts.filter((c) => c.edition !== section.edition).map((c) => ({ edition: c.edition, path: sectionPath(c.edition, c.slug) }));
  return inEditionOrder([{ edition: section.edition, path: sectionPath(section.edition, section.slug) }, ...others]);
}

const inEditionOrder = (alternates: EditionAlternate[]) => alternates.sort((a, b) => editionIds.indexOf(a.edition) - editionIds.indexOf(b.edition));

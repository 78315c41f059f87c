import { Feed } from 'feed';
import type { Section } from '../domain/article-schema';
import type { EditionConfig } from '../domain/editions';
import { type ArticleSummary } from '../domain/stories';
import { absoluteUrl, imageUrl, publication } from '../domain/site-config';
import { withoutRefusedCharacters } from '../domain/text-rules';
import { cropPath, editionPath, feedPath, sectionPath } from '../domain/urls';

/**
 * RSS 2.0 and Atom feeds of the latest stories, for an edition or one of its sections, built
 * with the `feed` library. It writes titles and descriptions as HTML in CDATA (Atom even says
 * `type="html"`), and feed readers render them as HTML: so every text from a story goes in
 * escaped, and a headline can never become markup in someone's reader.
 */

export const feedSize = 30;

/**
 * Escaped for a feed reader's HTML, and without the characters XML cannot carry: the store may
 * hold rows written before the schema refused them (lib/domain/text-rules.ts).
 */
function escapeHtml(text: string): string {
  return withoutRefusedCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function buildStoryFeed(edition: EditionConfig, sections: Section[], stories: ArticleSummary[], section?: Section): Feed {
  const pagePath = section ? sectionPath(edition.id, section.slug) : editionPath(edition.id);
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;
  const updated = stories.reduce((latest, s) => Math.max(latest, Date.parse(s.updatedAt ?? s.publishedAt)), 0);
  const feed = new Feed({
    title: escapeHtml(section ? `${publication.name} - ${section.name}` : `${publication.name} - ${edition.strings.latestStories}`),
    description: escapeHtml(section ? section.description : edition.strings.siteTagline),
    id: absoluteUrl(pagePath),
    link: absoluteUrl(pagePath),
    language: edition.lang,
    image: absoluteUrl(publication.logo.src),
    favicon: absoluteUrl('/icon.svg'),
    copyright: edition.strings.copyright(new Date(updated || Date.now()).getUTCFullYear(), publication.name),
    updated: updated ? new Date(updated) : undefined,
    generator: publication.name,
    feedLinks: { rss: absoluteUrl(feedPath(edition.id, 'rss', section?.slug)), atom: absoluteUrl(feedPath(edition.id, 'atom', section?.slug)) },
  });
  for (const story of stories) {
    // Our pictures cropped to 16:9; a picture from an allowed host as it is.
    const image = imageUrl(cropPath(story.image, '16x9') ?? story.image.src);
    feed.addItem({
      title: escapeHtml(story.headline),
      id: absoluteUrl(story.path),
      link: absoluteUrl(story.path),
      description: escapeHtml(story.standfirst),
      date: new Date(story.updatedAt ?? story.publishedAt),
      published: new Date(story.publishedAt),
      category: [{ name: escapeHtml(sectionName(story.section)) }],
      image: { url: image, type: 'image/jpeg' },
    });
  }
  return feed;
}

const atomRoot = '<feed xmlns="http://www.w3.org/2005/Atom">';

/**
 * The feed's XML. RSS carries the edition's language in `<language>` (the library writes it);
 * Atom has no such element and the library writes no `xml:lang`, so it is added to the root,
 * where Atom readers look for the language of every text in the feed.
 */
export function storyFeedXml(feed: Feed, format: 'rss' | 'atom', lang: string): string {
  if (format === 'rss') return feed.rss2();
  const atom = feed.atom1();
  if (!atom.includes(atomRoot)) throw new Error('the feed library changed its Atom root element: update storyFeedXml');
  return atom.replace(atomRoot, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`);
}

import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { Section } from '../domain/article-schema';
import type { EditionConfig } from '../domain/editions';
import { type FeedStory } from '../domain/stories';

export type { FeedStory };
import { absoluteUrl, publication } from '../domain/site-config';
import { withoutRefusedCharacters, xmlText } from '../domain/text-rules';
import { authorPath, editionPath, feedPath, sectionPath } from '../domain/urls';

/**
 * RSS 2.0 and Atom (RFC 4287) feeds of the latest stories, for an edition or one of its
 * sections, as feed readers and the W3C feed validator read them: each story with its byline
 * (Atom `<author>`, RSS `dc:creator`), its main picture as an enclosure with its registered
 * media type and its length in bytes, and the publication as the feed's author.
 *
 * Written with xmlbuilder2 (which escapes every value), not the `feed` library we used before:
 * that library derives an enclosure's type from its file extension (`image/jpg`, which is not
 * a registered type), writes RSS enclosures with `length="0"`, and can write a byline in RSS
 * only as `<author>`, which RSS reserves for an e-mail address.
 *
 * Titles and descriptions are HTML to feed readers (Atom says `type="html"`), so every text
 * from a story goes in escaped as HTML too: a headline never becomes markup in someone's reader.
 */

export const atomNs = 'http://www.w3.org/2005/Atom';
const dcNs = 'http://purl.org/dc/elements/1.1/';

/** Plain text (a name, a copyright line) for XML (lib/domain/text-rules.ts). */
export const clean = xmlText;

/** Text a feed reader reads as HTML: escaped as HTML, then for XML, so that the reader gets the text itself. */
export function escapeHtml(text: string): string {
  return xmlText(
    withoutRefusedCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
  );
}

type FeedHead = { title: string; description: string; pageUrl: string; rssUrl: string; atomUrl: string; updated: Date; copyright: string };

function feedHead(edition: EditionConfig, stories: FeedStory[], section?: Section): FeedHead {
  const pagePath = section ? sectionPath(edition.id, section.slug) : editionPath(edition.id);
  const latest = stories.reduce((ts, s) => Math.max(ts, Date.parse(s.updatedAt ?? s.publishedAt)), 0);
  const updated = new Date(latest || Date.now());
  return {
    title: section ? `${publication.name} - ${section.name}` : `${publication.name} - ${edition.strings.latestStories}`,
    description: section ? section.description : edition.strings.siteTagline,
    pageUrl: absoluteUrl(pagePath),
    rssUrl: absoluteUrl(feedPath(edition.id, 'rss', section?.slug)),
    atomUrl: absoluteUrl(feedPath(edition.id, 'atom', section?.slug)),
    updated,
    copyright: edition.strings.copyright(updated.getUTCFullYear(), publication.name),
  };
}

export function storyFeedXml(format: 'rss' | 'atom', edition: EditionConfig, sections: Section[], stories: FeedStory[], section?: Section): string {
  const head = feedHead(edition, stories, section);
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;
  return format === 'rss' ? rss(head, edition, stories, sectionName) : atom(head, edition, stories, sectionName);
}

function rss(head: FeedHead, edition: EditionConfig, stories: FeedStory[], sectionName: (slug: string) => string): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const channel = doc.ele('rss', { version: '2.0', 'xmlns:atom': atomNs, 'xmlns:dc': dcNs }).ele('channel');
  channel.ele('title').txt(escapeHtml(head.title));
  channel.ele('link').txt(head.pageUrl);
  channel.ele('description').txt(escapeHtml(head.description));
  channel.ele('language').txt(edition.lang);
  channel.ele('copyright').txt(clean(head.copyright));
  channel.ele('lastBuildDate').txt(head.updated.toUTCString());
  channel.ele('generator').txt(publication.name);
  channel.ele('atom:link', { href: head.rssUrl, rel: 'self', type: 'application/rss+xml' });
  const image = channel.ele('image');
  image.ele('url').txt(absoluteUrl(publication.logo.src));
  image.ele('title').txt(escapeHtml(head.title));
  image.ele('link').txt(head.pageUrl);
  for (const story of stories) {
    const item = channel.ele('item');
    const url = absoluteUrl(story.path);
    item.ele('title').txt(escapeHtml(story.headline));
    item.ele('link').txt(url);
    item.ele('guid', { isPermaLink: 'true' }).txt(url);
    item.ele('description').txt(escapeHtml(story.standfirst));
    item.ele('pubDate').txt(new Date(story.publishedAt).toUTCString());
    item.ele('category').txt(escapeHtml(sectionName(story.section)));
    for (const author of story.authors) item.ele('dc:creator').txt(clean(author.name));
    if (story.enclosure) item.ele('enclosure', { url: story.enclosure.url, length: String(story.enclosure.length), type: story.enclosure.type });
  }
  return doc.end({ prettyPrint: true });
}

function atom(head: FeedHead, edition: EditionConfig, stories: FeedStory[], sectionName: (slug: string) => string): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  // xml:lang on the root: Atom has no language element, and readers take every text's language from it.
  const feed = doc.ele(atomNs, 'feed', { 'xml:lang': edition.lang });
  feed.ele('id').txt(head.pageUrl);
  feed.ele('title', { type: 'html' }).txt(escapeHtml(head.title));
  feed.ele('subtitle', { type: 'html' }).txt(escapeHtml(head.description));
  feed.ele('updated').txt(head.updated.toISOString());
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: head.pageUrl });
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: head.atomUrl });
  // RFC 4287: a feed names an author unless every entry does; ours is the publication.
  authorElement(feed, publication.name, absoluteUrl(editionPath(edition.id)));
  feed.ele('generator').txt(publication.name);
  feed.ele('icon').txt(absoluteUrl('/icon.svg'));
  feed.ele('logo').txt(absoluteUrl(publication.logo.src));
  feed.ele('rights').txt(clean(head.copyright));
  for (const story of stories) {
    const entry = feed.ele('entry');
    const url = absoluteUrl(story.path);
    entry.ele('id').txt(url);
    entry.ele('title', { type: 'html' }).txt(escapeHtml(story.headline));
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: url });
    entry.ele('published').txt(new Date(story.publishedAt).toISOString());
    entry.ele('updated').txt(new Date(story.updatedAt ?? story.publishedAt).toISOString());
    for (const author of story.authors) authorElement(entry, author.name, absoluteUrl(authorPath(edition.id, author.slug)));
    entry.ele('summary', { type: 'html' }).txt(escapeHtml(story.standfirst));
    entry.ele('category', { term: clean(story.section), label: clean(sectionName(story.section)) });
    if (story.enclosure) entry.ele('link', { rel: 'enclosure', type: story.enclosure.type, length: String(story.enclosure.length), href: story.enclosure.url });
  }
  return doc.end({ prettyPrint: true });
}

export function authorElement(parent: XMLBuilder, name: string, uri: string): void {
  const author = parent.ele('author');
  author.ele('name').txt(clean(name));
  author.ele('uri').txt(uri);
}

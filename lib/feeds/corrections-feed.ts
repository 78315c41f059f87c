import { create } from 'xmlbuilder2';
import type { EditionConfig } from '../domain/editions';
import { formatLongDate } from '../domain/format-date';
import { absoluteUrl, publication } from '../domain/site-config';
import { correctionsFeedPath, correctionsPath, editionPath } from '../domain/urls';
import type { EditionCorrection } from '../domain/stories';
import { atomNs, authorElement, clean, escapeHtml } from './story-feed';

/**
 * An edition's corrections as RSS 2.0 and Atom (issue 32): one entry per correction, newest
 * first, titled as the story shows it ("Correction, 28 April 2018:") with the story's headline,
 * linked to the story, its text the entry's summary. Escaped as the story feeds are.
 */
export function correctionsFeedXml(format: 'rss' | 'atom', edition: EditionConfig, corrections: EditionCorrection[]): string {
  const { strings } = edition;
  const title = `${publication.name} - ${strings.correctionsTitle}`;
  const pageUrl = absoluteUrl(correctionsPath(edition.id));
  const updated = new Date(corrections.reduce((ts, c) => Math.max(ts, Date.parse(c.at)), 0) || Date.now());
  const copyright = clean(strings.copyright(updated.getUTCFullYear(), publication.name));
  const entryTitle = (c: EditionCorrection) => `${strings.correction(formatLongDate(edition, c.at))} ${c.story.headline}`;
  // Each correction its own id: the story's address, and the correction's time.
  const entryId = (c: EditionCorrection) => `${absoluteUrl(c.story.path)}#correction-${Date.parse(c.at)}`;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  if (format === 'rss') {
    const channel = doc.ele('rss', { version: '2.0', 'xmlns:atom': atomNs }).ele('channel');
    channel.ele('title').txt(escapeHtml(title));
    channel.ele('link').txt(pageUrl);
    channel.ele('description').txt(escapeHtml(strings.correctionsIntro));
    channel.ele('language').txt(edition.lang);
    channel.ele('copyright').txt(copyright);
    channel.ele('lastBuildDate').txt(updated.toUTCString());
    channel.ele('atom:link', { href: absoluteUrl(correctionsFeedPath(edition.id, 'rss')), rel: 'self', type: 'application/rss+xml' });
    for (const correction of corrections) {
      const item = channel.ele('item');
      item.ele('title').txt(escapeHtml(entryTitle(correction)));
      item.ele('link').txt(absoluteUrl(correction.story.path));
      item.ele('guid', { isPermaLink: 'false' }).txt(entryId(correction));
      item.ele('description').txt(escapeHtml(correction.text));
      item.ele('pubDate').txt(new Date(correction.at).toUTCString());
    }
    return doc.end({ prettyPrint: true });
  }
  const feed = doc.ele(atomNs, 'feed', { 'xml:lang': edition.lang });
  feed.ele('id').txt(pageUrl);
  feed.ele('title', { type: 'html' }).txt(escapeHtml(title));
  feed.ele('subtitle', { type: 'html' }).txt(escapeHtml(strings.correctionsIntro));
  feed.ele('updated').txt(updated.toISOString());
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: pageUrl });
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: absoluteUrl(correctionsFeedPath(edition.id, 'atom')) });
  authorElement(feed, publication.name, absoluteUrl(editionPath(edition.id)));
  feed.ele('rights').txt(copyright);
  for (const correction of corrections) {
    const entry = feed.ele('entry');
    entry.ele('id').txt(entryId(correction));
    entry.ele('title', { type: 'html' }).txt(escapeHtml(entryTitle(correction)));
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: absoluteUrl(correction.story.path) });
    entry.ele('updated').txt(new Date(correction.at).toISOString());
    entry.ele('summary', { type: 'html' }).txt(escapeHtml(correction.text));
  }
  return doc.end({ prettyPrint: true });
}

import type { MediaFile } from '../domain/media-files';
import { storyMedia } from '../domain/story-media';
import type { Metadata } from 'next';
import { articlePath, authorPath, correctionsFeedPath, cropPath, feedPath, mediaPath, type EditionAlternate } from '../domain/urls';
import type { Article, Section } from '../domain/article-schema';
import { defaultEditionId, getEdition, type EditionConfig } from '../domain/editions';
import { absoluteUrl, publication } from '../domain/site-config';
import { cropSize } from '../domain/image-crops';

/**
 * The <head> of every page: canonical URL, description, Open Graph and Twitter cards, robots,
 * and the feeds that match the page. Paths are made absolute by metadataBase (SITE_URL).
 */

/** A feed in both formats: an edition's, one section's (lib/domain/urls.ts, feedPath), or the edition's corrections (issue 32). */
export type FeedLink = { title: string; edition: string; section?: string; corrections?: true };

const feedUrl = (feed: FeedLink, format: 'rss' | 'atom') =>
  feed.corrections ? correctionsFeedPath(feed.edition, format) : feedPath(feed.edition, format, feed.section);

type PageMetadataInput = {
  edition: EditionConfig;
  /** The page's own canonical path, query included for page 2 and beyond. */
  path: string;
  title: string | { absolute: string };
  description: string;
  feeds?: FeedLink[];
  noindex?: boolean;
  /** The page in every edition that has it, itself included: hreflang alternates and og:locale:alternate. */
  alternates?: EditionAlternate[];
};

/** The card shown when a page that is not a story is shared: 1200 × 630. */
const shareCard = { url: '/brand/meridian-share.png', width: 1200, height: 630, alt: publication.name };

/** Crawlers may show large picture previews and whole snippets; noindex pages are still followed. */
export const indexableRobots: Metadata['robots'] = {
  index: true,
  follow: true,
  googleBot: { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1, 'max-video-preview': -1 },
  'max-image-preview': 'large',
};
export const noindexRobots: Metadata['robots'] = { index: false, follow: true };

/**
 * hreflang alternates, reciprocal by construction (every page of a group is given the same
 * list): one per language, and x-default — the default edition's page where there is one.
 * None for a page with no counterpart.
 */
export function hreflangs(alternates: EditionAlternate[] = []): Record<string, string> | undefined {
  if (alternates.length < 2) return undefined;
  const languages: Record<string, string> = {};
  for (const alternate of alternates) languages[getEdition(alternate.edition).lang] = alternate.path;
  languages['x-default'] = (alternates.find((a) => a.edition === defaultEditionId) ?? alternates[0]!).path;
  return languages;
}

function alternateLocales(edition: EditionConfig, alternates: EditionAlternate[] = []): string[] | undefined {
  const others = alternates.filter((a) => a.edition !== edition.id).map((a) => getEdition(a.edition).ogLocale);
  return others.length ? others : undefined;
}

export function pageMetadata({ edition, path, title, description, feeds = [], noindex = false, alternates }: PageMetadataInput): Metadata {
  const plainTitle = typeof title === 'string' ? title : title.absolute;
  return {
    title,
    description,
    alternates: {
      canonical: path,
      languages: hreflangs(alternates),
      types: feeds.length
        ? {
            'application/rss+xml': feeds.map((f) => ({ title: f.title, url: feedUrl(f, 'rss') })),
            'application/atom+xml': feeds.map((f) => ({ title: f.title, url: feedUrl(f, 'atom') })),
          }
        : undefined,
    },
    robots: noindex ? noindexRobots : indexableRobots,
    openGraph: {
      type: 'website',
      url: path,
      siteName: publication.name,
      locale: edition.ogLocale,
      alternateLocale: alternateLocales(edition, alternates),
      title: plainTitle,
      description,
      images: [shareCard],
    },
    twitter: { card: 'summary_large_image', title: plainTitle, description, images: [shareCard.url] },
  };
}

export function articleMetadata(
  article: Article,
  section: Section,
  edition: EditionConfig,
  feeds: FeedLink[],
  alternates: EditionAlternate[],
  mediaFiles: Record<string, MediaFile> = {},
): Metadata {
  // A story that leads with a video names it (og:video), with its size and type; its picture stays the share image.
  const lead = storyMedia(article, mediaFiles).find((item) => item.lead);
  const leadFile = article.mainVideo ? Object.values(mediaFiles).find((file) => mediaPath(file.id, file.extension) === article.mainVideo?.src) : undefined;
  const leadContent = lead
    ? Object.values(mediaFiles)
        .flatMap((file) => [file, ...file.renditions])
        .find((file) => mediaPath(file.id, file.extension) === lead.content)
    : undefined;
  const path = articlePath(article);
  const base = pageMetadata({ edition, path, title: article.headline, description: article.standfirst, feeds, alternates });
  // A 16:9 crop of the main picture: at least 1200 px wide where the source allows.
  const crop = cropPath(article.mainImage, '16x9');
  const size = crop ? cropSize(article.mainImage, '16x9') : article.mainImage;
  const image = { url: crop ?? article.mainImage.src, width: size.width, height: size.height, alt: article.mainImage.alt };
  return {
    ...base,
    authors: article.authors.map((a) => ({ name: a.name, url: authorPath(edition.id, a.slug) })),
    openGraph: {
      type: 'article',
      url: path,
      siteName: publication.name,
      locale: edition.ogLocale,
      alternateLocale: alternateLocales(edition, alternates),
      title: article.headline,
      description: article.standfirst,
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt ?? article.publishedAt,
      section: section.name,
      tags: article.tags,
      authors: article.authors.map((a) => absoluteUrl(authorPath(edition.id, a.slug))),
      images: [image],
      ...(lead && leadFile
        ? {
            videos: [
              {
                url: lead.content,
                secureUrl: absoluteUrl(lead.content),
                type: leadContent?.contentType ?? leadFile.contentType,
                ...(leadContent?.width && leadContent.height ? { width: leadContent.width, height: leadContent.height } : {}),
              },
            ],
          }
        : {}),
    },
    twitter: { card: 'summary_large_image', title: article.headline, description: article.standfirst, images: [image.url] },
  };
}

/** The edition's corrections, as a feed: named by every page that names the edition's feeds, and by the corrections page. */
export const correctionsFeed = (edition: EditionConfig): FeedLink => ({
  title: `${publication.name} - ${edition.strings.correctionsTitle}`,
  edition: edition.id,
  corrections: true,
});

export function editionFeeds(edition: EditionConfig, section?: Section): FeedLink[] {
  const feeds: FeedLink[] = [{ title: `${publication.name} - ${edition.strings.latestStories}`, edition: edition.id }, correctionsFeed(edition)];
  if (section) feeds.unshift({ title: `${publication.name} - ${section.name}`, edition: edition.id, section: section.slug });
  return feeds;
}

import type { MediaFile } from '../domain/media-files';
import { isoDuration } from '../domain/media-files';
import { storyMedia, type StoryMediaItem } from '../domain/story-media';
import type { BreadcrumbList, LiveBlogPosting, NewsArticle, NewsMediaOrganization, WebSite, WithContext } from 'schema-dts';
import type { Article, Section } from '../domain/article-schema';
import { getEdition, type EditionConfig } from '../domain/editions';
import { articlePath, authorPath, cropPath, editionPath, searchPath, type EditionAlternate } from '../domain/urls';
import { absoluteUrl, publication } from '../domain/site-config';
import { cropRatios, cropSize, type CropRatio } from '../domain/image-crops';

/**
 * Structured data for crawlers, typed with schema-dts. Rendered by components/seo/JsonLd.tsx,
 * which escapes it so that no content can close the script element.
 */

/** Google shows at most 110 characters of a headline: cut at a word, with an ellipsis. */
export function structuredHeadline(headline: string, max = 110): string {
  const chars = Array.from(headline);
  if (chars.length <= max) return headline;
  const cut = chars.slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max * 0.6 ? atWord : cut}…`;
}

type OrganizationNode = Exclude<NewsMediaOrganization, string>;

function newsMediaOrganization(): OrganizationNode {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': absoluteUrl('/#organization'),
    name: publication.name,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(publication.logo.src), width: `${publication.logo.width}`, height: `${publication.logo.height}` },
  };
}

/**
 * How translations are linked in structured data: the first published of a group is the work,
 * the others its translations. The work lists them (`workTranslation`); each names the work
 * (`translationOfWork`).
 */
function translationLinks(article: Article, alternates: EditionAlternate[]): Pick<NewsArticle, 'workTranslation' | 'translationOfWork'> {
  if (alternates.length < 2) return {};
  const time = (a: EditionAlternate) => Date.parse(a.publishedAt ?? '') || Number.MAX_SAFE_INTEGER;
  const original = [...alternates].sort((a, b) => time(a) - time(b))[0]!;
  const reference = (a: EditionAlternate) => ({
    '@type': 'NewsArticle' as const,
    '@id': `${absoluteUrl(a.path)}#article`,
    url: absoluteUrl(a.path),
    inLanguage: getEdition(a.edition).lang,
    ...(a.headline ? { headline: structuredHeadline(a.headline) } : {}),
  });
  if (original.edition === article.edition) return { workTranslation: alternates.filter((a) => a.edition !== article.edition).map(reference) };
  return { translationOfWork: reference(original) };
}

/**
 * A story: a NewsArticle, or, while a live story is live (`liveUntilTs`), a LiveBlogPosting whose
 * coverage runs from its publication to the end of its window, as Google's live badge reads it.
 * Once its updates have stopped it is a NewsArticle again.
 */
export function newsArticleJsonLd(
  article: Article,
  section: Section,
  edition: EditionConfig,
  alternates: EditionAlternate[] = [],
  liveUntilTs: number | null = null,
  mediaFiles: Record<string, MediaFile> = {},
): WithContext<NewsArticle | LiveBlogPosting> {
  const media = storyMedia(article, mediaFiles);
  const mediaObject = (item: StoryMediaItem) => ({
    name: item.name,
    description: item.description,
    ...(item.thumbnail ? { thumbnailUrl: absoluteUrl(item.thumbnail) } : {}),
    uploadDate: article.publishedAt,
    duration: isoDuration(item.durationMs),
    contentUrl: absoluteUrl(item.content),
    ...(item.transcript ? { transcript: item.transcript } : {}),
    inLanguage: edition.lang,
  });
  const videos = media.filter((item) => item.kind === 'video').map((item) => ({ '@type': 'VideoObject' as const, ...mediaObject(item) }));
  const recordings = media.filter((item) => item.kind === 'audio').map((item) => ({ '@type': 'AudioObject' as const, ...mediaObject(item) }));
  const url = absoluteUrl(articlePath(article));
  const images = (Object.keys(cropRatios) as CropRatio[]).flatMap((ratio) => {
    const path = cropPath(article.mainImage, ratio);
    if (!path) return [];
    const size = cropSize(article.mainImage, ratio);
    return [{ '@type': 'ImageObject' as const, url: absoluteUrl(path), width: `${size.width}`, height: `${size.height}` }];
  });
  const live = liveUntilTs !== null ? { coverageStartTime: article.publishedAt, coverageEndTime: new Date(liveUntilTs).toISOString() } : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': live ? 'LiveBlogPosting' : 'NewsArticle',
    ...live,
    '@id': `${url}#article`,
    headline: structuredHeadline(article.headline),
    description: article.standfirst,
    image: images.length ? images : [article.mainImage.src],
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: article.authors.map((author) => ({
      '@type': 'Person' as const,
      name: author.name,
      url: absoluteUrl(authorPath(edition.id, author.slug)),
    })),
    publisher: newsMediaOrganization(),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    articleSection: section.name,
    keywords: article.tags,
    inLanguage: edition.lang,
    isAccessibleForFree: true,
    ...translationLinks(article, alternates),
    ...(videos.length ? { video: videos } : {}),
    ...(recordings.length ? { audio: recordings } : {}),
    // Corrections in the open, as schema.org and the Trust Project describe them (decision 015).
    ...(article.corrections.length
      ? { correction: article.corrections.map((c) => ({ '@type': 'CorrectionComment' as const, text: c.text, datePublished: c.at })) }
      : {}),
  };
}

export function breadcrumbJsonLd(crumbs: { name: string; path: string }[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem' as const,
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

/** On the home front: the site, with its search box for the results page, and the publisher. */
export function homeJsonLd(edition: EditionConfig): [WithContext<WebSite>, WithContext<NewsMediaOrganization>] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: publication.name,
      url: absoluteUrl(editionPath(edition.id)),
      inLanguage: edition.lang,
      publisher: { '@id': absoluteUrl('/#organization') },
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(searchPath(edition.id))}?q={search_term_string}` },
        // schema-dts has no type for Google's query-input; the property is documented by Google.
        ...({ 'query-input': 'required name=search_term_string' } as object),
      },
    },
    { '@context': 'https://schema.org', ...newsMediaOrganization() } as WithContext<NewsMediaOrganization>,
  ];
}

/**
 * JSON for a <script type="application/ld+json">: `<`, `>`, `&` and the two JavaScript line
 * separators are written as \u escapes, so a headline containing `</script>` stays inside the
 * string it belongs to.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { JsonLd } from '@/components/seo/JsonLd';
import { ListFront } from '@/components/story-lists/ListFront';
import { getEdition, isEditionId, type EditionId } from '@/lib/domain/editions';
import { editionPath, pageHref, parseListPageStart, publicListPath, slugFromParam } from '@/lib/domain/urls';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { editionFeeds, pageMetadata } from '@/lib/seo/page-metadata';
import { getFrontOpening, getListName, getSection, getSections, getStoriesPage } from '@/lib/data/reads';
import { isListKind, type ListKind } from '@/lib/domain/stories';
import { sectionAlternates } from '@/lib/data/alternates';

/**
 * A section, tag or author page. Readers never see this URL: the proxy rewrites /en/europe,
 * /en/tag/x and /en/author/y (with their ?page=N) to /en/lists/{kind}/{slug}/{page}/{start},
 * so each page is cached on its own and invalidated with its list (docs/decisions/008), and
 * starts where the proxy found it to begin (`top`, or the publication time and id of the last
 * story of the page before).
 */

type Params = Promise<{ edition: string; kind: string; slug: string; page: string; start: string }>;

export const revalidate = 86400;
export function generateStaticParams() {
  return [];
}

async function loadListPage(params: Params) {
  const { edition, kind, slug: rawSlug, page: rawPage, start: rawStart } = await params;
  const slug = slugFromParam(rawSlug);
  const page = Number(rawPage);
  const start = parseListPageStart(rawStart);
  if (!isEditionId(edition) || !isListKind(kind) || !/^[1-9]\d{0,6}$/.test(rawPage) || start === undefined || (start === null) !== (page === 1))
    return undefined;
  const [stories, heading] = await Promise.all([getStoriesPage(edition, kind, slug, page, rawStart), listHeading(edition, kind, slug)]);
  if (!stories || !heading) return undefined;
  // A section's first page has counterparts in the other editions; deeper pages and tag or author pages do not.
  const alternates = heading.section && page === 1 ? await sectionAlternates(heading.section) : undefined;
  return { edition, kind, slug, stories, heading, alternates, path: publicListPath(edition, kind, slug) };
}

async function listHeading(edition: EditionId, kind: ListKind, slug: string) {
  const { strings } = getEdition(edition);
  if (kind === 'section') {
    const section = await getSection(edition, slug);
    return section ? { title: section.name, description: section.description, eyebrow: undefined, section } : undefined;
  }
  const name = await getListName(edition, kind, slug);
  if (!name) return undefined;
  return kind === 'tag'
    ? { title: name, description: strings.storiesTagged(name), eyebrow: strings.tagEyebrow, section: undefined }
    : { title: name, description: strings.storiesBy(name), eyebrow: strings.authorEyebrow, section: undefined };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await loadListPage(params);
  if (!found) return {};
  const config = getEdition(found.edition);
  const { heading, stories } = found;
  return pageMetadata({
    edition: config,
    path: pageHref(found.path, stories.page),
    title: stories.page > 1 ? `${heading.title} - ${config.strings.pageNumber(stories.page)}` : heading.title,
    description: heading.description,
    feeds: found.kind === 'section' ? editionFeeds(config, heading.section) : undefined,
    alternates: found.alternates,
  });
}

export default async function ListPage({ params }: { params: Params }) {
  const found = await loadListPage(params);
  if (!found) notFound();
  const { edition, kind, slug, stories, heading, path, alternates } = found;
  const config = getEdition(edition);
  // A section's first page is its front: editors may choose what leads it (decision 019).
  const opening = kind === 'section' && stories.page === 1 ? await getFrontOpening(edition, slug, stories.items) : undefined;
  return (
    <PageShell edition={edition} currentSection={kind === 'section' ? slug : undefined} alternates={alternates} path={pageHref(path, stories.page)}>
      {kind === 'section' ? (
        <JsonLd
          data={breadcrumbJsonLd([
            { name: config.strings.home, path: editionPath(edition) },
            { name: heading.title, path },
          ])}
        />
      ) : null}
      <ListFront
        edition={config}
        sections={await getSections(edition)}
        path={path}
        eyebrow={heading.eyebrow}
        title={heading.title}
        description={heading.description}
        stories={stories}
        opening={opening}
        loadMore={{ filter: { [kind]: slug }, pageSize: stories.pageSize, startCursor: stories.olderCursor }}
      />
    </PageShell>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { ListFront } from '@/components/story-lists/ListFront';
import { getEdition, isEditionId } from '@/lib/editions';
import { pageHref, pageNumberOf } from '@/lib/routing/page-param';
import { JsonLd } from '@/components/seo/JsonLd';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { editionFeeds, pageMetadata } from '@/lib/seo/page-metadata';
import { getSection, getSections, getStoriesPage } from '@/lib/store/reads';

type Props = { params: Promise<{ edition: string; section: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadSectionPage({ params, searchParams }: Props) {
  const { edition, section: slug } = await params;
  if (!isEditionId(edition)) return undefined;
  const page = pageNumberOf(await searchParams);
  const [section, stories] = await Promise.all([getSection(edition, slug), getStoriesPage(edition, 'section', slug, page)]);
  return section && stories ? { edition, section, stories } : undefined;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await loadSectionPage(props);
  if (!found) return {};
  const { section, stories, edition } = found;
  const config = getEdition(edition);
  const title = stories.page > 1 ? `${section.name} - ${config.strings.pageNumber(stories.page)}` : section.name;
  return pageMetadata({
    edition: config,
    path: pageHref(`/${edition}/${section.slug}`, stories.page),
    title,
    description: section.description,
    feeds: editionFeeds(config, section),
  });
}

export default async function SectionPage(props: Props) {
  const found = await loadSectionPage(props);
  if (!found) notFound();
  const { edition, section, stories } = found;
  return (
    <PageShell edition={edition} currentSection={section.slug}>
      <JsonLd
        data={breadcrumbJsonLd([
          { name: getEdition(edition).strings.home, path: `/${edition}` },
          { name: section.name, path: `/${edition}/${section.slug}` },
        ])}
      />
      <ListFront
        edition={getEdition(edition)}
        sections={await getSections(edition)}
        path={`/${edition}/${section.slug}`}
        title={section.name}
        description={section.description}
        stories={stories}
        loadMore={{ edition, filter: { section: section.slug }, pageSize: stories.pageSize, startCursor: stories.olderCursor }}
      />
    </PageShell>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HomeFront } from '@/components/fronts/HomeFront';
import { PageShell } from '@/components/layout/PageShell';
import { JsonLd } from '@/components/seo/JsonLd';
import { editionIds, getEdition, isEditionId } from '@/lib/domain/editions';
import { homeJsonLd } from '@/lib/seo/json-ld';
import { editionFeeds, pageMetadata } from '@/lib/seo/page-metadata';
import { publication } from '@/lib/domain/site-config';
import { editionPath, everyEdition } from '@/lib/domain/urls';

const homes = everyEdition(editionPath, editionIds);

type Params = Promise<{ edition: string }>;

// Rendered on first request, then served from the page cache until its content tags change.
export const revalidate = 86400;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { edition } = await params;
  if (!isEditionId(edition)) return {};
  const config = getEdition(edition);
  return pageMetadata({
    edition: config,
    path: editionPath(edition),
    title: { absolute: `${publication.name} - ${config.strings.siteTagline}` },
    description: config.strings.homeDescription(publication.name),
    feeds: editionFeeds(config),
    alternates: homes,
  });
}

export default async function HomePage({ params }: { params: Params }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  return (
    <PageShell edition={edition} alternates={homes} path={editionPath(edition)}>
      <JsonLd data={homeJsonLd(getEdition(edition))} />
      <HomeFront edition={edition} />
    </PageShell>
  );
}

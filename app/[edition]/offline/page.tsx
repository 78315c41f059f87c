import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { KeptStories } from '@/components/offline/KeptStories';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { offlinePath } from '@/lib/domain/urls';

/** What a reader meets without a connection on a page not kept (issue 31): fetched by the service worker when it installs. */
export const revalidate = 86400;

export async function generateMetadata({ params }: { params: Promise<{ edition: string }> }): Promise<Metadata> {
  const { edition } = await params;
  if (!isEditionId(edition)) return {};
  const { strings } = getEdition(edition);
  return pageMetadata({
    edition: getEdition(edition),
    path: offlinePath(edition),
    title: strings.offlineTitle,
    description: strings.offlineMessage,
    noindex: true,
  });
}

export default async function OfflinePage({ params }: { params: Promise<{ edition: string }> }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  const { strings } = getEdition(edition);
  return (
    <PageShell edition={edition}>
      <KeptStories title={strings.offlineTitle} intro={strings.offlineMessage} heading={strings.offlineListHeading} empty={strings.offlineEmpty} />
    </PageShell>
  );
}

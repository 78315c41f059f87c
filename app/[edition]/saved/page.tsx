import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { KeptStories } from '@/components/offline/KeptStories';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { savedPath } from '@/lib/domain/urls';

/** The stories a reader saved on this device (issue 31): the service worker fills the list, online or not. */
export const revalidate = 86400;

export async function generateMetadata({ params }: { params: Promise<{ edition: string }> }): Promise<Metadata> {
  const { edition } = await params;
  if (!isEditionId(edition)) return {};
  const { strings } = getEdition(edition);
  return pageMetadata({ edition: getEdition(edition), path: savedPath(edition), title: strings.savedTitle, description: strings.savedIntro, noindex: true });
}

export default async function SavedPage({ params }: { params: Promise<{ edition: string }> }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  const { strings } = getEdition(edition);
  return (
    <PageShell edition={edition}>
      <KeptStories title={strings.savedTitle} intro={strings.savedIntro} empty={strings.savedEmpty} />
    </PageShell>
  );
}

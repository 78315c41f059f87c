import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { offlinePath, savedPath } from '@/lib/domain/urls';
import { KeptStories } from './KeptStories';

type Kind = 'offline' | 'saved';
type Params = { params: Promise<{ edition: string }> };

/** The two pages the service worker fills from the reader's device (issue 31), each in its edition's words. */
function texts(edition: Parameters<typeof getEdition>[0], kind: Kind) {
  const { strings } = getEdition(edition);
  return kind === 'offline'
    ? {
        path: offlinePath(edition),
        title: strings.offlineTitle,
        intro: strings.offlineMessage,
        heading: strings.offlineListHeading,
        empty: strings.offlineEmpty,
      }
    : { path: savedPath(edition), title: strings.savedTitle, intro: strings.savedIntro, heading: undefined, empty: strings.savedEmpty };
}

/** Their metadata: never indexed (what they list is each reader's own). */
export async function keptStoriesMetadata({ params }: Params, kind: Kind): Promise<Metadata> {
  const { edition } = await params;
  if (!isEditionId(edition)) return {};
  const { path, title, intro } = texts(edition, kind);
  return pageMetadata({ edition: getEdition(edition), path, title, description: intro, noindex: true });
}

/** Their page: the site's furniture around an empty list the worker fills (components/offline/KeptStories.tsx). */
export async function KeptStoriesPage({ params }: Params, kind: Kind) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  const { title, intro, heading, empty } = texts(edition, kind);
  return (
    <PageShell edition={edition}>
      <KeptStories title={title} intro={intro} heading={heading} empty={empty} />
    </PageShell>
  );
}

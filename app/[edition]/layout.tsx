import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { editionIds, getEdition, isEditionId } from '@/lib/domain/editions';
import { indexableRobots } from '@/lib/seo/page-metadata';
import { publication, siteUrl } from '@/lib/domain/site-config';
import { manifestPath } from '@/lib/domain/urls';
import { ServiceWorkerRegistration } from '@/components/offline/ServiceWorkerRegistration.island';
import '../fonts/fonts.css';
import '../globals.css';

/**
 * The root layout. It sits under [edition] so that html[lang] and dir come from the edition
 * config: an Arabic edition is right-to-left from its first byte.
 */
export default async function EditionLayout({ children, params }: { children: ReactNode; params: Promise<{ edition: string }> }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  const config = getEdition(edition);
  return (
    <html lang={config.lang} dir={config.dir}>
      <body>
        {children}
        <ServiceWorkerRegistration enabled={process.env.SERVICE_WORKER !== 'off'} />
      </body>
    </html>
  );
}

export function generateStaticParams() {
  return editionIds.map((edition) => ({ edition }));
}

export async function generateMetadata({ params }: { params: Promise<{ edition: string }> }): Promise<Metadata> {
  const { edition } = await params;
  return {
    // SITE_URL is read when the server runs, so one build serves any domain.
    metadataBase: new URL(siteUrl()),
    title: { template: `%s - ${publication.name}`, default: publication.name },
    applicationName: publication.name,
    // The edition's web app manifest (issue 31): installable, in the edition's language.
    manifest: isEditionId(edition) ? manifestPath(edition) : undefined,
    robots: indexableRobots,
    openGraph: { siteName: publication.name, locale: isEditionId(edition) ? getEdition(edition).ogLocale : undefined },
  };
}

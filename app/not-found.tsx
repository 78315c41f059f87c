import type { Metadata } from 'next';
import { serif } from '@/components/layout/fonts';
import { PageShell } from '@/components/layout/PageShell';
import { NotFoundPage } from '@/components/not-found/NotFoundPage';
import { defaultEditionId, getEdition } from '@/lib/editions';
import { noindexRobots } from '@/lib/seo/page-metadata';
import { publication } from '@/lib/site-config';
import './globals.css';

/**
 * For addresses outside the proxy's reach (files that do not exist, say). Page URLs that match
 * nothing are answered by the proxy with the edition's own not-found page. Static: it must not
 * read the request, or every page of the app would become dynamic.
 */
export const metadata: Metadata = {
  title: `${getEdition(defaultEditionId).strings.notFoundTitle} - ${publication.name}`,
  robots: noindexRobots,
};

export default function RootNotFound() {
  const edition = getEdition(defaultEditionId);
  return (
    <html lang={edition.lang} dir={edition.dir} className={serif.variable}>
      <body>
        <PageShell edition={defaultEditionId}>
          <NotFoundPage edition={defaultEditionId} requestedPath="" />
        </PageShell>
      </body>
    </html>
  );
}

import type { Metadata } from 'next';
import { NotFoundFallback } from '@/components/not-found/NotFoundFallback';
import { defaultEditionId, getEdition } from '@/lib/domain/editions';
import { noindexRobots } from '@/lib/seo/page-metadata';
import { publication } from '@/lib/domain/site-config';
import './fonts/fonts.css';
import './globals.css';

/**
 * For addresses outside the proxy's reach (files that do not exist, say); page URLs that match
 * nothing get the edition's full not-found page from the proxy. Next sends this boundary with
 * every page, so it reads nothing and renders little.
 */
export const metadata: Metadata = {
  title: `${getEdition(defaultEditionId).strings.notFoundTitle} - ${publication.name}`,
  robots: noindexRobots,
};

export default function RootNotFound() {
  const edition = getEdition(defaultEditionId);
  return (
    <html lang={edition.lang} dir={edition.dir}>
      <body>
        <NotFoundFallback />
      </body>
    </html>
  );
}

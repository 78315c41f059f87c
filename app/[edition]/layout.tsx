import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { serif } from '@/components/layout/fonts';
import { editionIds, getEdition, isEditionId } from '@/lib/editions';
import { publication } from '@/lib/site-config';
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
    <html lang={config.lang} dir={config.dir} className={serif.variable}>
      <body>{children}</body>
    </html>
  );
}

export function generateStaticParams() {
  return editionIds.map((edition) => ({ edition }));
}

export const metadata: Metadata = {
  title: { template: `%s - ${publication.name}`, default: publication.name },
};

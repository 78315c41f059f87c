import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { publication } from '@/lib/domain/site-config';
import styles from '@/components/fronts/SimplePage.module.css';
import { aboutPath } from '@/lib/domain/urls';

export const revalidate = 86400;

export async function generateMetadata({ params }: { params: Promise<{ edition: string }> }): Promise<Metadata> {
  const { edition } = await params;
  if (!isEditionId(edition)) return {};
  return pageMetadata({
    edition: getEdition(edition),
    path: aboutPath(edition),
    title: getEdition(edition).strings.footerAbout,
    description: `Who we are and how ${publication.name} reports, corrects and withdraws stories.`,
  });
}

export default async function AboutPage({ params }: { params: Promise<{ edition: string }> }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  return (
    <PageShell edition={edition}>
      <div className={styles.page}>
        <h1 className={styles.title}>About {publication.name}</h1>
        <p>
          {publication.name} is an international news site. Our reporters and editors file from bureaux across Europe, the Middle East, Africa and the Americas,
          and we credit the agencies whose reporting we build on at the foot of each story.
        </p>
        <p>
          Corrections matter to us. When a story is wrong we correct it and say so; when it cannot be corrected we withdraw it, and its address tells readers
          and search engines that it is gone.
        </p>
      </div>
    </PageShell>
  );
}

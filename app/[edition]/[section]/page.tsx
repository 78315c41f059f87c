import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { StoryList } from '@/components/story-lists/StoryList';
import { getEdition, isEditionId } from '@/lib/editions';
import { getLatest, getSection, getSections } from '@/lib/store/reads';
import styles from '../page.module.css';

type Params = Promise<{ edition: string; section: string }>;

async function loadSection(params: Params) {
  const { edition, section: slug } = await params;
  if (!isEditionId(edition)) return undefined;
  const section = await getSection(edition, slug);
  return section ? { edition, section } : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await loadSection(params);
  return found ? { title: found.section.name, description: found.section.description } : {};
}

export default async function SectionFront({ params }: { params: Params }) {
  const found = await loadSection(params);
  if (!found) notFound();
  const { edition, section } = found;
  const config = getEdition(edition);
  const [latest, sections] = await Promise.all([getLatest(edition, 20, section.slug), getSections(edition)]);
  return (
    <PageShell edition={edition} currentSection={section.slug}>
      <div className={styles.front}>
        <h1 className={styles.title}>{section.name}</h1>
        <StoryList stories={latest.items} edition={config} sections={sections} headingLevel={2} />
      </div>
    </PageShell>
  );
}

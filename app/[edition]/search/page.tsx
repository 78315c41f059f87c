import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { SearchForm } from '@/components/search/SearchForm';
import { SearchResults } from '@/components/search/SearchResults';
import { editionIds, getEdition, isEditionId } from '@/lib/domain/editions';
import { readSearchQuery } from '@/lib/domain/search-query';
import { noindexRobots } from '@/lib/seo/page-metadata';
import { getSections, searchStories } from '@/lib/data/reads';
import styles from '@/components/fronts/SimplePage.module.css';
import { everyEdition, searchPath } from '@/lib/domain/urls';

type Props = { params: Promise<{ edition: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const maxSearchPage = 50;

/** A search page is for readers, not for search engines: never indexed, whatever it holds. */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { edition } = await params;
  const { text } = readSearchQuery((await searchParams).q);
  const title = isEditionId(edition) ? getEdition(edition).strings.searchTitle : 'Search';
  return { title: text ? `${title}: ${text}` : title, robots: noindexRobots, alternates: { canonical: searchPath(edition) } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  const config = getEdition(edition);
  const query = await searchParams;
  const raw = Array.isArray(query.q) ? query.q[0] : query.q;
  const rawPage = Number(Array.isArray(query.page) ? query.page[0] : query.page);
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? Math.min(rawPage, maxSearchPage) : 1;
  const [results, sections] = await Promise.all([searchStories(edition, raw ?? '', page), getSections(edition)]);
  return (
    <PageShell edition={edition} alternates={everyEdition((id) => searchPath(id), editionIds)} path={searchPath(edition, raw ? { q: raw } : undefined)}>
      <div className={styles.page}>
        <h1 className={styles.title}>{config.strings.searchTitle}</h1>
        <SearchForm edition={config} id="search-page" defaultValue={results.text} />
        {results.text ? <SearchResults results={results} edition={config} sections={sections} /> : <p>{config.strings.searchPrompt}</p>}
      </div>
    </PageShell>
  );
}

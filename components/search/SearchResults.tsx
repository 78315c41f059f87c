import type { Section } from '@/lib/domain/article-schema';
import type { EditionConfig } from '@/lib/domain/editions';
import { formatDate } from '@/lib/domain/format-date';
import type { SearchPage } from '@/lib/data/reads';
import { MarkedText } from './MarkedText';
import styles from './SearchResults.module.css';

/** Results, best match first, with the matched words highlighted in headline and passage. */
export function SearchResults({ results, edition, sections }: { results: SearchPage; edition: EditionConfig; sections: Section[] }) {
  const sectionName = (slug: string) => sections.find((s) => s.slug === slug)?.name ?? slug;
  const { strings } = edition;
  const lastPage = Math.max(1, Math.ceil(results.total / results.pageSize));
  const href = (page: number) => `/${edition.id}/search?${new URLSearchParams({ q: results.text, ...(page > 1 ? { page: String(page) } : {}) })}`;
  if (results.total === 0) {
    return (
      <div className={styles.none}>
        <p className={styles.summary}>{strings.searchNoResults(results.text)}</p>
        <p>{strings.searchNoResultsHint}</p>
      </div>
    );
  }
  return (
    <div>
      <p className={styles.summary}>{strings.searchResults(results.total, results.text)}</p>
      <ol className={styles.list}>
        {results.hits.map((hit) => (
          <li key={hit.id} className={styles.hit}>
            <h2 className={styles.headline}>
              <a href={hit.path}>
                <MarkedText text={hit.markedHeadline} />
              </a>
            </h2>
            <p className={styles.snippet}>
              <MarkedText text={hit.markedSnippet} />
            </p>
            <p className={styles.meta}>
              <span className={styles.section}>{sectionName(hit.section)}</span>
              <time dateTime={hit.publishedAt}>{formatDate(edition, hit.publishedAt)}</time>
            </p>
          </li>
        ))}
      </ol>
      {lastPage > 1 ? (
        <nav className={styles.pages} aria-label={strings.paginationLabel}>
          {results.page > 1 ? (
            <a href={href(results.page - 1)} rel="prev">
              {strings.newerStories}
            </a>
          ) : null}
          <span aria-current="page">{strings.pageNumber(results.page)}</span>
          {results.page < lastPage ? (
            <a href={href(results.page + 1)} rel="next">
              {strings.olderStories}
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

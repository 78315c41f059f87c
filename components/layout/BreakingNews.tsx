import { getEdition, type EditionId } from '@/lib/domain/editions';
import { getBreakingNews } from '@/lib/data/reads';
import styles from './BreakingNews.module.css';

/**
 * The edition's breaking-news banner, under the header of every page of the edition, rendered
 * with the page: editors put it up and take it down through the API (decision 019), and every
 * cached page is fresh on its next request. It links to its story when it names one.
 */
export async function BreakingNews({ edition }: { edition: EditionId }) {
  const { strings } = getEdition(edition);
  const news = await getBreakingNews(edition);
  if (!news) return null;
  return (
    <section className={styles.banner} aria-labelledby="breaking-news-label" data-print="hide">
      <p className={styles.inner}>
        <strong id="breaking-news-label" className={styles.label}>
          {strings.breakingNews}
        </strong>{' '}
        {news.path ? (
          <a className={styles.text} href={news.path}>
            {news.text}
          </a>
        ) : (
          <span className={styles.text}>{news.text}</span>
        )}
      </p>
    </section>
  );
}

import { offlineEmptyAttribute, offlineListAttribute } from '@/lib/offline/offline-config';
import styles from '@/components/fronts/SimplePage.module.css';

/**
 * The offline and saved pages (issue 31): a heading, a line, an empty list and a message for
 * when it stays empty. The service worker (lib/offline/service-worker.ts) fills the list with
 * the stories kept on the reader's device, and takes the message out when it does: the list is
 * the reader's own, so the server never knows it, and it is there without any script.
 */
export function KeptStories({ title, intro, heading, empty }: { title: string; intro: string; heading?: string; empty: string }) {
  const list = { [offlineListAttribute]: '' };
  const message = { [offlineEmptyAttribute]: '' };
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>{title}</h1>
      <p>{intro}</p>
      {heading ? <h2>{heading}</h2> : null}
      <ul {...list} />
      <p {...message}>{empty}</p>
    </div>
  );
}

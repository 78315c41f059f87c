'use client';

import { useEffect, useState } from 'react';
import { offlineCaches } from '@/lib/offline/offline-config';
import styles from './SaveForLater.module.css';

type Strings = { saveForLater: string; savedForLater: string; saveDone: string; saveUndone: string; saveFailed: string; savedTitle: string };

/** The picture formats a browser's <img> asks for, so that a saved picture is the one it would show. */
const pictureAccept = 'image/avif,image/webp,image/*;q=0.8';
const byUrl = { ignoreVary: true } as const;

/**
 * "Save for later" (issue 31): keeps the story's document and the pictures the reader sees, at
 * the size they were fetched, in the saved stories' cache the service worker reads from
 * (lib/offline/service-worker.ts), to read without a connection from the saved page. A toggle
 * button (aria-pressed); what happened is said in a live region, with a link to the saved
 * stories. The server renders it with its space kept and hidden: it shows once hydrated, where
 * the browser can keep files (Cache Storage and service workers), and nothing moves.
 */
export function SaveForLater({ path, savedHref, strings }: { path: string; savedHref: string; strings: Strings }) {
  const [ready, setReady] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!('caches' in window) || !('serviceWorker' in navigator)) return;
    void caches
      .open(offlineCaches.saved)
      .then((cache) => cache.match(path, byUrl))
      .then((found) => {
        setSaved(Boolean(found));
        setReady(true);
      })
      .catch(() => undefined);
  }, [path]);

  const toggle = async () => {
    setBusy(true);
    try {
      const cache = await caches.open(offlineCaches.saved);
      if (saved) {
        await cache.delete(path, byUrl);
        setSaved(false);
        setMessage(strings.saveUndone);
        return;
      }
      const document_ = await fetch(path, { cache: 'no-cache', credentials: 'same-origin' });
      if (!document_.ok) throw new Error(`${document_.status}`);
      const pictures = [...document.querySelectorAll('article img')]
        .map((img) => (img as HTMLImageElement).currentSrc)
        .filter((src) => src && new URL(src).origin === location.origin);
      await Promise.all(
        [...new Set(pictures)].map(async (src) => {
          const picture = await fetch(src, { headers: { Accept: pictureAccept } });
          if (picture.ok) await cache.put(src, picture);
        }),
      );
      await cache.put(path, document_);
      setSaved(true);
      setMessage(strings.saveDone);
    } catch {
      setMessage(strings.saveFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.save} data-ready={ready ? 'true' : 'false'} data-print="hide">
      <button type="button" className={styles.button} aria-pressed={saved} disabled={!ready || busy} onClick={() => void toggle()}>
        {saved ? strings.savedForLater : strings.saveForLater}
      </button>
      <p className={styles.status} role="status">
        {message}
        {message && saved ? (
          <>
            {' '}
            <a href={savedHref}>{strings.savedTitle}</a>
          </>
        ) : null}
      </p>
    </div>
  );
}

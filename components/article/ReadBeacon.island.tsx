'use client';

import { useEffect } from 'react';

/** How long a story must have been on screen before it counts as read. */
const readAfterMs = 5_000;

/**
 * Tells the site that this story was read (issue 32): once the page has been visible for a few
 * seconds in all (time in a background tab does not count), one beacon to `href`, at most once
 * per page. No cookie, nothing stored on the device, no third party: the server counts a hash
 * of the reader that changes every day (lib/data/view-counter.ts). Renders nothing.
 */
export function ReadBeacon({ href }: { href: string }) {
  useEffect(() => {
    let visibleMs = 0;
    let since: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      document.removeEventListener('visibilitychange', onVisibility);
      if (!navigator.sendBeacon?.(href)) void fetch(href, { method: 'POST', keepalive: true }).catch(() => undefined);
    };
    const start = () => {
      since = performance.now();
      timer = setTimeout(send, readAfterMs - visibleMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') start();
      else {
        clearTimeout(timer);
        if (since !== null) visibleMs += performance.now() - since;
        since = null;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    if (document.visibilityState === 'visible') start();
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [href]);
  return null;
}

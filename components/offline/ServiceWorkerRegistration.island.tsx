'use client';

import { useEffect } from 'react';
import { serviceWorkerPath } from '@/lib/offline/offline-config';

/**
 * Registers the service worker (issue 31) once the page has loaded and the browser is idle:
 * never on the critical path (it comes with the framework's scripts, after the first paint,
 * decision 018). With `enabled` false (SERVICE_WORKER=off where the server runs) it unregisters
 * any worker an earlier build left instead (docs/deployment.md, "The service worker").
 * Renders nothing.
 */
export function ServiceWorkerRegistration({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    const container = navigator.serviceWorker;
    if (!container) return;
    // Loaded without the worker (the first visit): once it is ready, it is asked to keep this page.
    const uncontrolled = !container.controller;
    const act = () => {
      if (enabled)
        void container
          .register(serviceWorkerPath)
          .then(() => container.ready)
          .then((registration) => {
            if (!uncontrolled) return;
            const pictures = [...document.images].map((img) => img.currentSrc).filter(Boolean);
            registration.active?.postMessage({ type: 'keep', path: location.pathname, pictures });
          })
          .catch(() => undefined);
      else void container.getRegistrations().then((registrations) => Promise.all(registrations.map((r) => r.unregister())));
    };
    const soon = () => ('requestIdleCallback' in window ? window.requestIdleCallback(act, { timeout: 5000 }) : setTimeout(act, 1000));
    if (document.readyState === 'complete') soon();
    else window.addEventListener('load', soon, { once: true });
  }, [enabled]);
  return null;
}

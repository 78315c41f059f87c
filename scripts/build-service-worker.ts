/**
 * Writes public/sw.js, the service worker (issue 31): lib/offline/service-worker.ts and Serwist
 * bundled by esbuild into one classic script. Run by `npm run setup` (so by `npm run build` and
 * `npm run dev`).
 *
 * SERVICE_WORKER=off writes a worker that removes itself instead: it deletes the site's caches,
 * gives every open page back to the network and unregisters. Shipping a build with it is how a
 * broken worker is taken off readers' devices (docs/deployment.md, "The service worker").
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { editionIds } from '../lib/domain/editions';
import { offlineCachePrefix } from '../lib/offline/offline-config';

const out = path.resolve('public/sw.js');

/** The worker that removes itself. Plain ES2017: it must run wherever the broken one ran. */
export const removalWorker = `// The service worker is off (SERVICE_WORKER=off): this one removes itself and what the site kept.
self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(${JSON.stringify(offlineCachePrefix)}) === 0; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.registration.unregister(); }));
});
`;

export async function buildServiceWorker(): Promise<'worker' | 'removal'> {
  if (process.env.SERVICE_WORKER === 'off') {
    fs.writeFileSync(out, removalWorker);
    return 'removal';
  }
  await build({
    entryPoints: [path.resolve('lib/offline/service-worker.ts')],
    outfile: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"', EDITION_IDS: JSON.stringify(editionIds) },
    logLevel: 'warning',
  });
  return 'worker';
}

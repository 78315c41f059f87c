/**
 * After `next build`: completes the standalone server in .next/standalone (output: 'standalone')
 * with what Next leaves out of it — the framework's static files, public/ (the demo pictures
 * included), the content folder the store is seeded from on first start, and our own server
 * (lib/server/main.mjs and the HTTP front it puts before Next, with the edition strings the
 * front answers in). The result runs anywhere with `node .next/standalone/lib/server/main.mjs`,
 * without the project's node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { editions } from '../lib/domain/editions';
import { buildStylesheets, styleHashesOf } from '../lib/http/security-headers.mjs';

const root = process.cwd();
const standalone = path.join(root, '.next/standalone');
if (!fs.existsSync(path.join(standalone, '.next/required-server-files.json'))) {
  console.error('prepare-standalone: .next/standalone is missing or incomplete; run `next build` first');
  process.exit(1);
}
// A page rendered for one request allows every <style> this build can write by hash: too many
// stylesheets would make that list too long (lib/http/security-headers.mjs), so refuse them here.
try {
  styleHashesOf(buildStylesheets(path.join(root, '.next/static')));
} catch (error) {
  console.error(`prepare-standalone: ${(error as Error).message}; keep experimental.cssChunking 'graph' in next.config.js`);
  process.exit(1);
}
for (const folder of ['.next/static', 'public', 'content']) {
  const target = path.join(standalone, folder);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(root, folder), target, { recursive: true });
}

// The server: plain JavaScript modules, run outside Next's bundler — the host (lib/server) and
// every plain module of the layers below it that it may import (decision 022), whole folders, so
// that a new module is never left behind.
const serverFiles = ['lib/server', 'lib/http', 'lib/runtime', 'lib/domain'].flatMap((folder) =>
  fs
    .readdirSync(path.join(root, folder))
    .filter((name) => name.endsWith('.mjs'))
    .map((name) => `${folder}/${name}`),
);
for (const file of serverFiles) {
  fs.mkdirSync(path.dirname(path.join(standalone, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(standalone, file));
}
// Packages only the server's own modules import: no page does, so Next's tracing leaves them out.
for (const name of ['@fastify/accept-negotiator', 'prom-client', '@opentelemetry/api', 'tdigest', 'bintrees', 'isbot']) {
  fs.cpSync(path.join(root, 'node_modules', name), path.join(standalone, 'node_modules', name), { recursive: true });
}
// What the front says, in each edition's language, when it answers before Next (503 when busy).
const frontStrings = Object.fromEntries(
  Object.values(editions).map((edition) => [
    edition.id,
    { lang: edition.lang, dir: edition.dir, serverBusyTitle: edition.strings.serverBusyTitle, serverBusyMessage: edition.strings.serverBusyMessage },
  ]),
);
fs.writeFileSync(path.join(standalone, 'lib/server/front-strings.json'), `${JSON.stringify(frontStrings, null, 2)}\n`);
// Next's own entry would start the app without the front: leave none that could be run by mistake.
fs.rmSync(path.join(standalone, 'server.js'), { force: true });
console.log('prepare-standalone: .next/standalone is ready (node .next/standalone/lib/server/main.mjs)');

/**
 * After `next build`: completes the standalone server in .next/standalone (output: 'standalone')
 * with what Next leaves out of it — the framework's static files, public/ (the demo pictures
 * included) and the content folder the store is seeded from on first start. The result runs
 * anywhere with `node .next/standalone/server.js`, without the project's node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const standalone = path.join(root, '.next/standalone');
if (!fs.existsSync(path.join(standalone, 'server.js'))) {
  console.error('prepare-standalone: .next/standalone/server.js is missing; run `next build` first');
  process.exit(1);
}
for (const folder of ['.next/static', 'public', 'content']) {
  const target = path.join(standalone, folder);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(root, folder), target, { recursive: true });
}
console.log('prepare-standalone: .next/standalone is ready (node .next/standalone/server.js)');

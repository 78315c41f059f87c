/**
 * `npm run serve`: runs the server built by `npm run build` (lib/server/main.mjs in
 * .next/standalone: Next.js behind our HTTP front), from the project folder. The server
 * changes into .next/standalone; a relative DATABASE_PATH or CONTENT_DIR is made absolute here
 * first, so the SQLite store stays in the project's .data/ and survives the next build.
 * PORT (default 3000) and HOSTNAME (default 0.0.0.0) as for any Next server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const server = path.resolve('.next/standalone/lib/server/main.mjs');
if (!fs.existsSync(server)) {
  console.error('serve: .next/standalone/lib/server/main.mjs is missing; run `npm run build` first');
  process.exit(1);
}
if (!process.env.DATABASE_URL) process.env.DATABASE_PATH = path.resolve(process.env.DATABASE_PATH || '.data/newsroom.sqlite');
process.env.CONTENT_DIR = path.resolve(process.env.CONTENT_DIR || 'content');
process.env.HOSTNAME ||= '0.0.0.0';
process.env.NEXT_TELEMETRY_DISABLED ||= '1';
await import(pathToFileURL(server).href);

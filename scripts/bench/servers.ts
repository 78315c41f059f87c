import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { loaderSources } from '../../lib/http/boot-after-paint.mjs';
import { floorDir, outDir } from './config';

// ---- servers ---------------------------------------------------------------------------------

export type Server = { url: string; child: ChildProcess };

/** Our standalone server, as deployed (scripts/serve.mjs); or, with `floor`, the framework's floor page under `next start`. */
export async function startServer(port: number, env: Record<string, string>, floor = false): Promise<Server> {
  const logFile = path.join(outDir, `server-${port}.log`);
  const logFd = fs.openSync(logFile, 'w');
  const args = floor ? [path.resolve('node_modules/next/dist/bin/next'), 'start', floorDir, '-p', String(port), '-H', '127.0.0.1'] : ['scripts/serve.mjs'];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      SITE_URL: `http://localhost:${port}`,
      ...env,
    },
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  const errors = () => fs.readFileSync(logFile, 'utf8');
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 150; i += 1) {
    try {
      const response = await fetch(`${url}${floor ? '/' : '/en/about'}`);
      await response.arrayBuffer();
      if (response.ok) return { url, child };
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server on ${port} did not start: ${errors()}`);
}

export async function stopServer(server: Server) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  process.kill(-server.child.pid!, 'SIGTERM');
  await exited;
}

/**
 * GET a URL's body on a fresh connection. After a load run the server may close the sockets
 * fetch's pool still holds ("other side closed"), so no keep-alive here, and one retry.
 */
export async function getBody(url: string | URL): Promise<Buffer> {
  return (await getAnswer(url)).body;
}

/** The bytes as sent, with their Content-Encoding. */
async function getAnswer(url: string | URL, headers: Record<string, string> = {}): Promise<{ body: Buffer; encoding: string }> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await new Promise((resolve, reject) => {
        http
          .get(url, { agent: false, headers: { connection: 'close', ...headers } }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ body: Buffer.concat(chunks), encoding: String(response.headers['content-encoding'] ?? 'none') }));
            response.on('error', reject);
          })
          .on('error', reject);
      });
    } catch (error) {
      if (attempt >= 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Resident memory, in MB, of a server's processes after the load: its primary, then each worker. */
export function residentMb(server: Server): { primary: number; workers: number[] } {
  const rss = (args: string[]) =>
    spawnSync('ps', ['-o', 'rss=', ...args], { encoding: 'utf8' })
      .stdout.split('\n')
      .map((line) => Number(line.trim()))
      .filter((kb) => kb > 0)
      .map((kb) => Math.round(kb / 1024));
  return { primary: rss(['-p', String(server.child.pid)])[0] ?? NaN, workers: rss(['--ppid', String(server.child.pid)]) };
}

// ---- bytes ---------------------------------------------------------------------------------

const gzipSize = (buffer: Buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

/**
 * The HTML of a page; the document as Chromium gets it once cached (it asks for br), in bytes and
 * coding; and the gzip size of the scripts a modern browser loads for it.
 */
export async function pageBytes(server: Server, pagePath: string) {
  const html = await getBody(`${server.url}${pagePath}`);
  const sent = await getAnswer(`${server.url}${pagePath}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
  const text = html.toString('utf8');
  // The framework's scripts of a cached page are named by its loader (lib/http/boot-after-paint.mjs).
  const scripts = [
    ...[...text.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)].filter((m) => !/\bnoModule\b|\bnomodule\b/.test(`${m[1]} ${m[3]}`)).map((m) => m[2]!),
    ...loaderSources(text),
  ];
  let js = 0;
  for (const src of new Set(scripts)) js += gzipSize(await getBody(new URL(src, server.url)));
  return { htmlBytes: html.length, htmlGzip: gzipSize(html), htmlSent: `${sent.body.length} (${sent.encoding})`, jsGzip: js, scripts: new Set(scripts).size };
}

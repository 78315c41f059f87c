import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { FrontResponse, loggedErrorIds } from './answers.mjs';
import { createFront } from './http-front.mjs';
import { clientAddress, literalPercents } from './request-hygiene.mjs';

describe('a path with a stray percent sign', () => {
  it.each([
    ['/api/v1/articles/%ff', '/api/v1/articles/%25ff'],
    ['/api/v1/articles/%', '/api/v1/articles/%25'],
    ['/api/v1/articles/%E0%A4%A/updates', '/api/v1/articles/%25E0%25A4%25A/updates'],
    ['/sitemaps/en/%.xml', '/sitemaps/en/%25.xml'],
    ['/a/%C0%AF', '/a/%25C0%25AF'],
    ['/caf%C3%A9/%zz', '/caf%C3%A9/%25zz'],
  ])('%s is taken literally: %s', (raw, literal) => {
    expect(literalPercents(raw)).toBe(literal);
    expect(() => decodeURIComponent(literalPercents(raw))).not.toThrow();
  });

  it('leaves every path that decodes as it is', () => {
    for (const path of ['/en/europe', '/caf%C3%A9', '/a%20b', '/%F0%9F%93%B0', '/en/search']) expect(literalPercents(path)).toBe(path);
  });
});

describe('the client address', () => {
  const trusted = new Set(['127.0.0.1']);
  it('is the socket unless the socket is a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', new Set())).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', undefined, trusted)).toBe('203.0.113.9');
  });
  it('behind a trusted proxy, is the nearest address that is not ours: what a client writes first is not believed', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', trusted)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '10.9.9.9, 198.51.100.1', trusted)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, 127.0.0.1', trusted)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', 'not-an-address', trusted)).toBe('127.0.0.1');
  });
});

type Served = { url: string; close(): Promise<void>; logs: Record<string, unknown>[]; front: ReturnType<typeof createFront> };
const running: Served[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function serve(
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => unknown,
  options: Partial<Parameters<typeof createFront>[0]> = {},
): Promise<Served> {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const log = pino({ level: 'info' }, sink);
  const front = createFront({ handle, log, editions: ['en'], ...options });
  const server = http.createServer({ ServerResponse: FrontResponse as unknown as typeof http.ServerResponse }, front.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const served: Served = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logs,
    front,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  running.push(served);
  return served;
}

/** A raw request, so that the target is sent exactly as written. */
function raw(
  url: string,
  target: string,
  method = 'GET',
  agent: http.Agent | false = false,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: target, method, agent }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the HTTP front', () => {
  it('hands Next a path it can decode, and logs the malformed one with the request id', async () => {
    const seen: string[] = [];
    const server = await serve((req, res) => {
      seen.push(req.url ?? '');
      res.statusCode = 404;
      res.end('not found');
    });
    const answer = await raw(server.url, '/api/v1/articles/%ff?x=1');
    expect(answer.status).toBe(404);
    expect(seen).toEqual(['/api/v1/articles/%25ff?x=1']);
    const line = server.logs.find((l) => l.msg === 'malformed percent-encoding in the request target: taken literally');
    expect(line?.reqId).toBe(answer.headers['x-request-id']);
  });

  it('refuses to let the image optimizer fetch a local path that does not decode to a plain path', async () => {
    const server = await serve((_req, res) => res.end('resized'));
    for (const url of [
      '%2Fimages%2F%25ff.jpg',
      '%2Fimages%2F%2500.jpg',
      '%2Fimages%2Fa%5Cb.jpg',
      '%2Fimages%2F....%2F%2F....%2F%2F',
      '%2Fimages%2F',
      '%2Fimages%2F..%2Fbrand%2Fx.png',
    ]) {
      expect((await raw(server.url, `/_next/image?url=${url}&w=640&q=70`)).status, url).toBe(400);
    }
    expect((await raw(server.url, '/_next/image?url=%2Fimages%2Fcaf%25C3%25A9.jpg&w=640&q=70')).status).toBe(200);
  });

  it('refuses a target that is not a path of this site, and an overlong one', async () => {
    const server = await serve((_req, res) => res.end('never'));
    expect((await raw(server.url, 'http://evil.example/')).status).toBe(400);
    expect((await raw(server.url, `/${'a'.repeat(9000)}`)).status).toBe(414);
  });

  it('adds the security headers to every answer, keeps a page’s own CSP, and puts none on a 304', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/page') res.setHeader('Content-Security-Policy', "script-src 'self' 'sha256-abc'");
      if (req.url === '/unchanged') res.statusCode = 304;
      res.end();
    });
    const plain = await raw(server.url, '/file.txt');
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(plain.headers['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(plain.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(plain.headers['content-security-policy']).toMatch(
      /default-src 'self'.*object-src 'none'.*base-uri 'self'.*form-action 'self'.*frame-ancestors 'self'/,
    );
    expect((await raw(server.url, '/page')).headers['content-security-policy']).toBe("script-src 'self' 'sha256-abc'");
    const notModified = await raw(server.url, '/unchanged');
    expect(notModified.status).toBe(304);
    expect(notModified.headers['content-security-policy']).toBeUndefined();
    expect(notModified.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers liveness itself, whatever Next is doing', async () => {
    const server = await serve(() => new Promise(() => {}));
    const answer = await raw(server.url, '/api/health');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
  });

  it('logs a server error once: by itself when nothing else did, not again when something did', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/logged') loggedErrorIds().add(String(req.headers['x-request-id']));
      res.statusCode = 500;
      res.end();
    });
    const silent = await raw(server.url, '/silent');
    const logged = await raw(server.url, '/logged');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const errors = server.logs.filter((l) => l.msg === 'answered with a server error');
    expect(errors.map((l) => l.reqId)).toEqual([silent.headers['x-request-id']]);
    expect(errors[0]?.path).toBe('/silent');
    expect(logged.status).toBe(500);
  });

  it('keeps an id from a trusted proxy, and makes its own for anyone else', async () => {
    const server = await serve((_req, res) => res.end());
    const kept = await fetch(`${server.url}/x`, { headers: { 'X-Request-Id': 'nginx-request-0001' } });
    expect(kept.headers.get('x-request-id')).toBe('nginx-request-0001');
    const untrusted = await serve((_req, res) => res.end(), { trustedProxies: [] });
    const replaced = await fetch(`${untrusted.url}/x`, { headers: { 'X-Request-Id': 'nginx-request-0001' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('nginx-request-0001');
  });

  it('when more arrives than it can serve, answers the excess 503 at once instead of making everyone wait', async () => {
    // Each request holds the process for 30 ms, as a slow render would.
    const server = await serve(
      (req, res) => {
        if (req.url === '/warm') return void res.end();
        const until = Date.now() + 30;
        while (Date.now() < until);
        res.end('page');
      },
      { loopBudgetMs: 20, maxInFlight: 4, maxQueue: 8, maxQueueMs: 200 },
    );
    // Forty readers with their connections open, who all ask at once.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 40 });
    await Promise.all(Array.from({ length: 40 }, () => raw(server.url, '/warm', 'GET', agent)));
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 40 }, () => raw(server.url, '/en/europe', 'GET', agent)));
    agent.destroy();
    const elapsed = Date.now() - started;
    const shed = answers.filter((a) => a.status === 503);
    const served = answers.filter((a) => a.status === 200);
    expect(served.length).toBeGreaterThan(0);
    expect(shed.length).toBeGreaterThan(0);
    expect(shed[0]?.headers['retry-after']).toBeDefined();
    expect(shed[0]?.headers['cache-control']).toBe('no-store');
    expect(shed[0]?.headers['content-type']).toContain('text/html');
    expect(shed[0]?.body).toContain('<html lang="en"');
    // Everything was answered well within 40 × 30 ms, the time serving them all one by one takes.
    expect(elapsed).toBeLessThan(1200);
    expect(server.front.load().shed).toBe(shed.length);
  });
});

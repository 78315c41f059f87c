import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Real services for the tests that run several instances: a throw-away PostgreSQL database on
 * the local server, a private Redis (its own process and port, so a test may stop it), and
 * nginx with the shipped configuration (deploy/nginx/newsroom.conf).
 */

const postgresServer = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = { url: string; name: string; query(text: string): Promise<pg.QueryResult>; drop(): Promise<void> };

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServer });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(postgresServer);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    query: (text) => admin((c) => c.query(text)),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** Stops the database answering: no new connections, and the open ones are cut. */
export async function takeDatabaseDown(db: TestDatabase): Promise<void> {
  await db.query(`alter database ${db.name} allow_connections false`);
  await db.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${db.name}' and pid <> pg_backend_pid()`);
}

export async function bringDatabaseBack(db: TestDatabase): Promise<void> {
  await db.query(`alter database ${db.name} allow_connections true`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type TestRedis = { url: string; port: number; start(): Promise<void>; stop(): Promise<void> };

export async function privateRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const redis: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      await waitForPort(port);
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
  };
  await redis.start();
  return redis;
}

export const hasNginx = () => spawnSync('sh', ['-c', 'command -v nginx']).status === 0;

export type TestNginx = {
  url: string;
  /** The same nginx over TLS, with a certificate made for this run (`ca` to trust it). */
  tlsUrl: string;
  ca: string;
  stop(): Promise<void>;
};

/** A self-signed certificate for 127.0.0.1, made with openssl in `dir`. */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'tls.crt');
  const key = path.join(dir, 'tls.key');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
  return { cert, key };
}

/** nginx with deploy/nginx/newsroom.conf, its upstream pointed at these instances and its files in a temporary folder. */
export async function startNginx(upstreamPorts: number[], options: { workers?: number } = {}): Promise<TestNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-'));
  // Started as root, nginx's workers run as nobody: they must be able to write their cache here.
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const tlsPort = await freePort();
  const certificate = selfSignedCertificate(dir);
  const site = fs
    .readFileSync('deploy/nginx/newsroom.conf', 'utf8')
    .replace(/^(\s*)server 127\.0\.0\.1:\d+ .*\n/gm, '')
    .replace(/upstream newsroom \{\n/, `upstream newsroom {\n${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;\n`).join('')}`)
    .replace('/var/cache/nginx/newsroom', path.join(dir, 'cache'))
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('listen 8443 ssl http2;', `listen 127.0.0.1:${tlsPort} ssl http2;`)
    .replace('/etc/nginx/tls/newsroom.crt', certificate.cert)
    .replace('/etc/nginx/tls/newsroom.key', certificate.key);
  const conf = `daemon off;
worker_processes ${options.workers ?? 2};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  default_type application/octet-stream;
${site}
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += String(chunk)));
  try {
    await waitForPort(port);
  } catch {
    throw new Error(`nginx did not start: ${errors}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`);
  }
  const ca = fs.readFileSync(certificate.cert, 'utf8');
  return {
    url: `http://127.0.0.1:${port}`,
    tlsUrl: `https://127.0.0.1:${tlsPort}`,
    ca,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the whole PostgreSQL server the tests use, as an outage would, and starts it again:
 * with pg_ctlcluster when this machine has it and we may use it (CI runs as root), else by
 * refusing connections to the test's database and cutting the open ones (what the instances
 * see is the same: connections refused, then back).
 */
export async function stopPostgres(db: TestDatabase): Promise<{ restart(): Promise<void>; how: string }> {
  const version = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql')[0] : undefined;
  const canControl = version !== undefined && process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v pg_ctlcluster']).status === 0;
  if (!canControl) {
    await takeDatabaseDown(db);
    return { how: 'connections refused', restart: () => bringDatabaseBack(db) };
  }
  const control = (action: 'stop' | 'start') => {
    const result = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version!, 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`pg_ctlcluster ${action} failed: ${result.stderr}`);
  };
  control('stop');
  return {
    how: `PostgreSQL ${version} stopped`,
    async restart() {
      control('start');
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          await admin((c) => c.query('select 1'));
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    },
  };
}

export const hasVarnish = () => spawnSync('sh', ['-c', 'command -v varnishd']).status === 0;

export type TestEdge = {
  url: string;
  port: number;
  secret: string;
  /** Everything deploy/edge/run and varnishd wrote, and what Varnish's log still holds of its requests. */
  output(): string;
  /** Freezes the edge's processes (an edge that cannot be reached, its cache kept), and thaws them. */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
};

/** A free port for a service a test starts later (the edge is named to the instances before it starts). */
export const reservePort = freePort;

/** The shipped edge (deploy/edge/run: Varnish with xkey) in front of these instances, on `port`. */
export async function startEdge(port: number, upstreamPorts: number[], secret: string): Promise<TestEdge> {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-edge-'));
  const child = spawn('deploy/edge/run', [], {
    env: {
      ...process.env,
      EDGE_PORT: String(port),
      EDGE_ADDRESS: '127.0.0.1',
      UPSTREAMS: upstreamPorts.map((p) => `127.0.0.1:${p}`).join(','),
      EDGE_PURGE_SECRET: secret,
      EDGE_MEMORY: '256M',
      EDGE_WORKDIR: workdir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  try {
    await waitForPort(port, 30_000);
  } catch {
    child.kill('SIGTERM');
    throw new Error(`the edge did not start:\n${output}`);
  }
  // varnishd's manager and its child: what freeze() stops and thaw() continues.
  const processes = () => spawnSync('pgrep', ['-f', workdir], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    secret,
    output: () => `${output}\n${spawnSync('varnishlog', ['-d', '-n', workdir, '-g', 'request'], { encoding: 'utf8', timeout: 10_000 }).stdout ?? ''}`,
    freeze: () => {
      for (const pid of processes()) spawnSync('kill', ['-STOP', pid]);
    },
    thaw: () => {
      for (const pid of processes()) spawnSync('kill', ['-CONT', pid]);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(workdir, { recursive: true, force: true });
    },
  };
}

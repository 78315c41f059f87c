/**
 * npm run bench      — the full measurement: prints one table, writes .data/bench/results.json
 * npm run bench:ci   — the short form CI runs: fewer, shorter runs; exits 1 when a budget is missed
 *
 * Builds and starts the production server (twice: with the page cache, and with it turned off
 * to measure a forced miss), then measures under load (wrk when installed, else autocannon;
 * 32 connections), client JavaScript and HTML bytes per page kind, and Lighthouse (mobile
 * defaults: simulated slow 4G and 4x CPU slowdown, Debian Chromium). The full form also serves
 * the same article HTML from nginx when it is installed (the ceiling) and the article through
 * deploy/nginx/newsroom.conf in front of two instances, and compares latency on a
 * store of 1,000 and of 1,000,000 stories (filled once by `npm run store:fill`, kept in .data/bench).
 *
 * Options: --skip-build, --large=1000000, --duration=10, --lighthouse-runs=3, --growth-only (only the
 * latency at 1,000 and at `--large` stories), --growth-postgres=postgres://… (those stores
 * in PostgreSQL)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, privateRedis, startEdge, startNginx } from '../e2e/support/services';
import {
  benchAuth,
  benchEdge,
  benchStory,
  budgets,
  buildFloor,
  ci,
  connections,
  duration,
  has,
  lighthouseRuns,
  appliedLighthouseRuns,
  log,
  outDir,
  pageSize,
  paths,
  run,
  soakMinutes,
  values,
} from './bench/config';
import { soak, soakReport } from './bench/soak';
import { measureBeacon } from './bench/beacon';
import { measureGrowth, startNginxCeiling, startNginxGzipStatic, storeWith } from './bench/datasets';
import { lighthouseRounds, shippedFaceBytes, type LighthouseMedian } from './bench/lighthouse-rounds';
import { homeWhilePublishing, load, overload, sentAgainIfShed, type Load } from './bench/load';
import { check, failures, fmt, growthTable, median, table } from './bench/report';
import { pageBytes, residentMb, startServer, stopServer } from './bench/servers';
import { measureMedia } from './bench/media';

const mediaTable = (rows: string[][]) =>
  table(['Video and audio', 'LCP ms / time', 'CLS / beside it', 'Accessibility', 'Video bytes before play', 'Compared'], rows);

// ---- the run -------------------------------------------------------------------------------

const rows: string[][] = [];
const results: Record<string, unknown> = {
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  date: new Date().toISOString(),
};

if (!values['skip-build']) {
  log('building');
  run('npm', ['run', 'build'], { DATABASE_PATH: path.join(outDir, 'build.sqlite') });
}

if (values['growth-only']) {
  const growth = await measureGrowth();
  console.log(`## Latency as the archive grows (${results.machine}, ${results.date})\n\n${growthTable(growth)}`);
  fs.writeFileSync(path.join(outDir, 'results-growth.json'), JSON.stringify({ ...results, growth, failures }, null, 2));
  if (failures.length) console.error(`\nbench: budgets missed:\n- ${failures.join('\n- ')}`);
  process.exit(failures.length ? 1 : 0);
}

const smallStore = await storeWith(1000);

/** The soak (issue 29), printed: each process's resident memory through a long mixed load. */
async function soakAndPrint(server: Parameters<typeof soak>[0]) {
  const result = await soak(server, soakMinutes, soakMinutes >= 10 ? 60 : 10);
  const { table: curve, lastGrowthPer5Min, peakWorkerMb } = soakReport(result);
  console.log(
    `## Memory through a ${soakMinutes}-minute mixed load (${results.machine})\n\n${curve}\n\n${fmt(result.rps)} requests/s, ${result.errors} answers other than 2xx/3xx (the not-found pages among them); the largest worker peaked at ${peakWorkerMb} MB and grew ${fmt(lastGrowthPer5Min, 1)} MB per five minutes over the last third.\n`,
  );
  return { ...result, lastGrowthPer5Min, peakWorkerMb };
}

if (values['soak-only']) {
  const server = await startServer(Number(values['soak-port']), { DATABASE_PATH: smallStore, STORIES_PER_PAGE: String(pageSize), PUBLISH_TOKEN: 'bench' });
  try {
    results.soak = await soakAndPrint(server);
    fs.writeFileSync(path.join(outDir, 'results-soak.json'), JSON.stringify(results, null, 2));
  } finally {
    await stopServer(server);
  }
  process.exit(0);
}
if (values['media-only']) {
  const server = await startServer(3201, { DATABASE_PATH: smallStore, STORIES_PER_PAGE: String(pageSize), PUBLISH_TOKEN: 'bench' });
  try {
    const media = await measureMedia(server);
    results.media = media.results;
    console.log(`## Video and audio (${results.machine}, ${results.date})\n\n${mediaTable(media.rows)}`);
    fs.writeFileSync(path.join(outDir, 'results-media.json'), JSON.stringify({ ...results, failures }, null, 2));
  } finally {
    await stopServer(server);
  }
  if (failures.length) console.error(`\nbench: budgets missed:\n- ${failures.join('\n- ')}`);
  process.exit(failures.length ? 1 : 0);
}
// The large newsroom's shape beside it (issue 28): the same thousand stories in a PostgreSQL
// database of the bench's own, two instances sharing it and a Redis, and a third that renders
// every request; each one process.
log('filling a PostgreSQL database with 1000 stories');
const pgDatabase = await createDatabase('newsroom_bench');
run('npx', ['tsx', 'scripts/fill-store.ts', '--count=1000', `--database-url=${pgDatabase.url}`]);
const redis = await privateRedis();
// The default worker count, as the SQLite default it is compared with (`cached`).
// Renditions are made by the SQLite server the media are measured on (`cached`), nowhere else: the demo's would run beside the loads.
const onPostgres = {
  DATABASE_URL: pgDatabase.url,
  REDIS_URL: redis.url,
  STORIES_PER_PAGE: String(pageSize),
  PUBLISH_TOKEN: 'bench',
  MEDIA_RENDITION_JOBS: '0',
};
// The two instances that share it purge the edge measured later (issue 29), whether or not it runs yet.
const purgingEdge = { EDGE_PURGE_URLS: `http://127.0.0.1:${benchEdge.port}`, EDGE_PURGE_SECRET: benchEdge.secret };
log('building the framework floor page (scripts/bench/floor)');
buildFloor();
const base = { DATABASE_PATH: smallStore, STORIES_PER_PAGE: String(pageSize), PUBLISH_TOKEN: 'bench' };
const cached = await startServer(3201, base);
const uncached = await startServer(3202, { ...base, NEWSROOM_PAGE_CACHE: 'off', MEDIA_RENDITION_JOBS: '0' });
// One process each, beside the default (a worker per core): what the workers add, and what one process does against the floor's one.
const cachedOne = await startServer(3205, { ...base, WEB_CONCURRENCY: '1', MEDIA_RENDITION_JOBS: '0' });
const uncachedOne = await startServer(3206, { ...base, NEWSROOM_PAGE_CACHE: 'off', WEB_CONCURRENCY: '1', MEDIA_RENDITION_JOBS: '0' });
const floor = await startServer(3204, {}, true);
const postgresA = await startServer(3208, { ...onPostgres, ...purgingEdge });
const postgresB = await startServer(3209, { ...onPostgres, ...purgingEdge });
const postgresUncached = await startServer(3210, { ...onPostgres, NEWSROOM_PAGE_CACHE: 'off' });
try {
  // Throughput. Every server is warmed first (a short load on every page kind: the JIT, the
  // caches); then the floor, our static page and article (hit, and forced miss) on one process
  // and on the default are measured in three alternating rounds, and the round with the median
  // of each ratio is kept: single loads spread by ±15 % on a shared machine.
  log('load: warming every server');
  const warm = ci ? 1 : 2;
  await load(`${floor.url}/`, warm);
  for (const kind of ['static', 'article', 'home', 'section'] as const) {
    for (const server of [cached, uncached, cachedOne, uncachedOne, postgresA, postgresUncached]) await load(`${server.url}${paths[kind]}`, warm);
  }
  log('load: the floor, the static page, the article hit and miss, one process and the default (three rounds)');
  type Round = {
    floorLoad: Load;
    staticOne: Load;
    hitOne: Load;
    missOne: Load;
    staticLoad: Load;
    hit: Load;
    miss: Load;
    hitPostgres: Load;
    missPostgres: Load;
  };
  const rounds: Round[] = [];
  // Ten seconds a load in the full form; six in CI's, whose gates on these ratios have their
  // slack (budgets.ciRatioSlack): four-second loads spread too much.
  const roundSeconds = ci ? 6 : Math.max(duration, 10);
  for (let round = 0; round < 3; round += 1) {
    rounds.push({
      floorLoad: await load(`${floor.url}/`, roundSeconds),
      staticOne: await load(`${cachedOne.url}${paths.static}`, roundSeconds),
      hitOne: await load(`${cachedOne.url}${paths.article}`, roundSeconds),
      staticLoad: await load(`${cached.url}${paths.static}`, roundSeconds),
      hit: await load(`${cached.url}${paths.article}`, roundSeconds),
      missOne: await load(`${uncachedOne.url}${paths.article}`, roundSeconds),
      miss: await load(`${uncached.url}${paths.article}`, roundSeconds),
      hitPostgres: await load(`${postgresA.url}${paths.article}`, roundSeconds),
      missPostgres: await load(`${postgresUncached.url}${paths.article}`, roundSeconds),
    });
  }
  /** The round with the median of a ratio, and the spread of the three. */
  const medianRound = (ratio: (r: Round) => number) => {
    const sorted = [...rounds].sort((x, y) => ratio(x) - ratio(y));
    return { round: sorted[1]!, value: ratio(sorted[1]!), spread: `median of 3 rounds: ${fmt(ratio(sorted[0]!), 2)}–${fmt(ratio(sorted[2]!), 2)}` };
  };
  const hitRatio = medianRound((r) => r.hit.rps / r.staticLoad.rps);
  const missRatio = medianRound((r) => r.miss.rps / r.staticLoad.rps);
  const missVsFloor = medianRound((r) => r.missOne.rps / r.floorLoad.rps);
  const staticVsFloor = medianRound((r) => r.staticOne.rps / r.floorLoad.rps);
  const articleVsFloor = medianRound((r) => r.hitOne.rps / r.floorLoad.rps);
  const hitScaling = medianRound((r) => r.hit.rps / r.hitOne.rps);
  const postgresHit = medianRound((r) => r.hitPostgres.rps / r.hit.rps);
  const postgresMiss = medianRound((r) => r.missPostgres.rps / r.miss.rps);
  const missScaling = medianRound((r) => r.miss.rps / r.missOne.rps);
  const articleMissRound = { miss: missRatio.round.miss, missRatio: missRatio.value };
  const missSpread = missRatio.spread;
  const { staticLoad, hit: articleHit } = hitRatio.round;
  const hitSpread = hitRatio.spread;
  results.rounds = rounds;
  const floorLoad = staticVsFloor.round.floorLoad;
  /** A row of the load table: what was loaded, its rate and latencies, and how it compares. */
  const loadRow = (label: string, measured: Load, compared = '') => rows.push([label, fmt(measured.rps), fmt(measured.p50, 1), fmt(measured.p99, 1), compared]);
  const workers = `${os.availableParallelism()} workers (default)`;
  loadRow('Floor: trivial Next page, one process (`next start`)', floorLoad);
  loadRow('Static page (about), hit, one process', staticVsFloor.round.staticOne, `${fmt(staticVsFloor.value, 2)} × floor (${staticVsFloor.spread})`);
  loadRow('Article, hit, one process', articleVsFloor.round.hitOne, `${fmt(articleVsFloor.value, 2)} × floor (${articleVsFloor.spread})`);
  loadRow('Article, forced miss, one process', missVsFloor.round.missOne, `${fmt(missVsFloor.value, 2)} × floor (${missVsFloor.spread})`);
  loadRow(`Article, hit, ${workers}`, hitScaling.round.hit, `${fmt(hitScaling.value, 2)} × one process (${hitScaling.spread})`);
  loadRow(`Article, forced miss, ${workers}`, missScaling.round.miss, `${fmt(missScaling.value, 2)} × one process (${missScaling.spread})`);
  loadRow(
    'Article, hit, PostgreSQL + Redis, default workers',
    postgresHit.round.hitPostgres,
    `${fmt(postgresHit.value, 2)} × SQLite, default workers each (${postgresHit.spread})`,
  );
  loadRow(
    'Article, forced miss, PostgreSQL + Redis, default workers',
    postgresMiss.round.missPostgres,
    `${fmt(postgresMiss.value, 2)} × SQLite, default workers each (${postgresMiss.spread})`,
  );
  // The home under 200 connections while a story is published every 3 s (issue 28), on each
  // store: on SQLite through the instance read, on PostgreSQL through the other one; each
  // publish timed until the home read shows it.
  log('load: the home at 200 connections while a story is published every 3 s, SQLite then PostgreSQL');
  const publishingSqlite = await homeWhilePublishing(cached, cached, 'sqlite');
  const publishingPostgres = await homeWhilePublishing(postgresA, postgresB, 'postgres');
  const reached = publishingPostgres.reached;
  const publishReach = Math.max(...reached);
  rows.push(
    ...[publishingSqlite, publishingPostgres].map(({ name, home, reached: times, publishMs }) => [
      `Home, 200 connections, a publish every 3 s, ${name}, default workers`,
      fmt(home.rps),
      fmt(home.p50, 1),
      fmt(home.p99, 1),
      `${home.timeouts} timeouts; each publish on the home read ${times.join(', ')} ms after its answer (the publishes took ${publishMs.join(', ')} ms)`,
    ]),
  );
  const publishingTail = publishingPostgres.home.p99 / publishingSqlite.home.p99;
  results.postgres = {
    hitVsSqlite: postgresHit.value,
    missVsSqlite: postgresMiss.value,
    publishReachesOtherMs: reached,
    publishing: { sqlite: publishingSqlite, postgres: publishingPostgres },
  };
  if (has('varnishd')) results.edge = await measureEdge();
  const timeouts = rounds.reduce((n, r) => n + r.hit.timeouts + r.hitOne.timeouts + r.staticLoad.timeouts + r.staticOne.timeouts, 0);
  const tail = { hit: articleHit.p99 / articleHit.p50, floor: floorLoad.p99 / floorLoad.p50 };
  const memory = { default: residentMb(cached), one: residentMb(cachedOne) };
  results.memory = memory;
  log(`memory after the load (MB): default ${JSON.stringify(memory.default)}, one process ${JSON.stringify(memory.one)}`);
  results.vsFloor = {
    staticVsFloor: staticVsFloor.value,
    articleVsFloor: articleVsFloor.value,
    hitScaling: hitScaling.value,
    missScaling: missScaling.value,
    timeouts,
    tail,
  };
  if (rounds.some((r) => r.staticLoad.errors || r.staticOne.errors || r.floorLoad.errors)) failures.push(`static page: answers other than 2xx/3xx under load`);
  rows.push([
    `Static page (about), hit, ${os.availableParallelism()} workers (default)`,
    fmt(staticLoad.rps),
    fmt(staticLoad.p50, 1),
    fmt(staticLoad.p99, 1),
    '',
  ]);
  const load2: Record<string, { hit: Load; miss: Load }> = {};
  for (const kind of ['article', 'home', 'section'] as const) {
    const hit = kind === 'article' ? articleHit : await load(`${cached.url}${paths[kind]}`);
    const miss = kind === 'article' ? articleMissRound.miss : await load(`${uncached.url}${paths[kind]}`);
    load2[kind] = { hit, miss };
    const hitNote = kind === 'article' ? ` (${hitSpread})` : '';
    const missRatio = kind === 'article' ? articleMissRound.missRatio : miss.rps / staticLoad.rps;
    const missNote = kind === 'article' ? ` (${missSpread})` : '';
    rows.push([
      `${kind[0]!.toUpperCase()}${kind.slice(1)}, cache hit`,
      fmt(hit.rps),
      fmt(hit.p50, 1),
      fmt(hit.p99, 1),
      `${fmt(hit.rps / staticLoad.rps, 2)} × static${hitNote}`,
    ]);
    rows.push([
      `${kind[0]!.toUpperCase()}${kind.slice(1)}, forced miss`,
      fmt(miss.rps),
      fmt(miss.p50, 1),
      fmt(miss.p99, 1),
      `${fmt(missRatio, 2)} × static${missNote}`,
    ]);
    if (hit.errors || miss.errors) failures.push(`${kind}: ${hit.errors + miss.errors} answers other than 2xx/3xx under load`);
    if (hit.timeouts || miss.timeouts) log(`${kind}: ${hit.timeouts + miss.timeouts} requests timed out under load (the machine is saturated)`);
  }
  if (!ci) {
    // A browser or nginx asking again with the page's validator: the proxy answers 304 without rendering.
    const etag = (await fetch(`${cached.url}${paths.article}`)).headers.get('etag');
    const answer = etag ? (await fetch(`${cached.url}${paths.article}`, { headers: { 'If-None-Match': etag } })).status : null;
    if (etag && answer !== 304) failures.push(`article: a conditional request with the page's own ETag answered ${answer}, not 304`);
    else if (etag) {
      const conditional = await load(`${cached.url}${paths.article}`, duration, { 'If-None-Match': etag });
      rows.push([
        'Article, conditional request (304)',
        fmt(conditional.rps),
        fmt(conditional.p50, 1),
        fmt(conditional.p99, 1),
        `${fmt(conditional.rps / staticLoad.rps, 2)} × static`,
      ]);
    } else failures.push('article: a cached page answered without an ETag');
  }
  // Overload: 200 connections on the article (the server's default: a worker per core).
  log('overload: 200 connections on the article');
  const over = await overload(`${cached.url}${paths.article}`);
  rows.push([
    'Article, 200 connections (overload)',
    `${fmt(over.servedRps)} served`,
    fmt(over.p50, 1),
    fmt(over.p99, 1),
    `${fmt(over.shedShare * 100, 1)} % answered 503 at once; ${over.timeouts} timed out (5 s); /api/health ${fmt(median(over.checksMs.health))} ms (worst ${fmt(Math.max(...over.checksMs.health))}), /api/ready ${fmt(median(over.checksMs.ready))} ms (worst ${fmt(Math.max(...over.checksMs.ready))})`,
  ]);
  const overloadCheck = check(
    over.timeouts === 0 && over.other === 0,
    `overload: ${over.timeouts} timeouts and ${over.other} answers other than 200 or 503 with 200 connections`,
  );
  results.overload = over;

  const slack = ci ? budgets.ciRatioSlack : 1;
  const articleHitRatio = load2.article!.hit.rps / staticLoad.rps;
  const hitCheck = check(
    articleHitRatio >= budgets.hitVsStatic * slack,
    `article cache hit at ${fmt(articleHitRatio, 2)} × the static page (budget ${budgets.hitVsStatic * slack})`,
  );
  const missCheck = check(
    missVsFloor.value >= budgets.missVsFloor * slack,
    `article miss at ${fmt(missVsFloor.value, 2)} × the floor's hit, one process each (budget ${budgets.missVsFloor * slack})`,
  );
  const postgresCheck = check(
    postgresHit.value >= budgets.postgresHit * slack,
    `article hit on PostgreSQL + Redis at ${fmt(postgresHit.value, 2)} × SQLite's, default workers each (budget ${fmt(budgets.postgresHit * slack, 2)})`,
  );

  let nginxRow: Load | null = null;
  let proxiedRow: Load | null = null;
  let proxiedCheck = ci ? 'measured in the full run' : 'not measured (nginx not installed)';
  if (!ci && has('nginx')) {
    // nginx serving the article file, and the article through the shipped configuration in front
    // of two instances, measured in turns: each round loads one then the other, and the round
    // with the median ratio is reported (single runs of either spread by ±10 % on a shared machine).
    log('nginx: the article HTML from disk, and through deploy/nginx/newsroom.conf in front of two instances, three rounds');
    const ceiling = await startNginxCeiling(`${cached.url}${paths.article}`);
    const second = await startServer(3203, { DATABASE_PATH: smallStore, STORIES_PER_PAGE: String(pageSize) });
    const nginx = await startNginx([3201, 3203], { workers: 1 });
    const rounds: { file: Load; proxied: Load; ratio: number }[] = [];
    try {
      for (let round = 0; round < 3; round += 1) {
        const file = await load(ceiling.url);
        const proxied = await load(`${nginx.url}${paths.article}`);
        if (!file.rps || !proxied.rps || file.errors || proxied.errors)
          throw new Error(`nginx answered nothing, or errors, under load: from disk ${JSON.stringify(file)}, through the cache ${JSON.stringify(proxied)}`);
        rounds.push({ file, proxied, ratio: proxied.rps / file.rps });
      }
    } finally {
      await nginx.stop();
      await stopServer(second);
      await ceiling.stop();
    }
    rounds.sort((a, b) => a.ratio - b.ratio);
    const median = rounds[1]!;
    nginxRow = median.file;
    proxiedRow = median.proxied;
    const ratio = median.ratio;
    const spread = `${fmt(rounds[0]!.ratio, 2)}–${fmt(rounds[2]!.ratio, 2)}`;
    rows.push([
      'Article HTML from nginx (ceiling)',
      fmt(nginxRow.rps),
      fmt(nginxRow.p50, 1),
      fmt(nginxRow.p99, 1),
      `${fmt(nginxRow.rps / load2.article!.hit.rps, 1)} × Next's hit`,
    ]);
    rows.push([
      'Article via nginx cache → 2 instances, hit',
      fmt(proxiedRow.rps),
      fmt(proxiedRow.p50, 1),
      fmt(proxiedRow.p99, 1),
      `${fmt(ratio, 2)} × nginx from disk (median of 3 rounds: ${spread})`,
    ]);
    proxiedCheck = `${fmt(ratio, 2)} — ${check(ratio >= budgets.proxiedVsNginx, `article through nginx's cache at ${fmt(ratio, 2)} × nginx serving the file (budget ${budgets.proxiedVsNginx})`)}`;
  }

  // Bytes.
  log('bytes per page kind');
  const bytes: Record<string, Awaited<ReturnType<typeof pageBytes>>> = {};
  for (const kind of ['static', 'article', 'home', 'section', 'live'] as const) bytes[kind] = await pageBytes(cached, paths[kind]);
  const aboutScripts = bytes.static!.jsGzip;
  const articleAbove = bytes.article!.jsGzip - aboutScripts;
  const jsCheck = check(
    articleAbove <= budgets.articleJsAboveFloorBytes,
    `article ships ${articleAbove} bytes of our JavaScript above the framework's floor (budget ${budgets.articleJsAboveFloorBytes})`,
  );

  // The soak, on the SQLite server with the default workers: where memory levels off.
  results.soak = await soakAndPrint(cached);

  // Lighthouse.
  log(`lighthouse (${lighthouseRuns} run(s) each, ${appliedLighthouseRuns} with applied throttling)`);
  // Both of Lighthouse's throttling modes: simulated (its model, the default) and applied (devtools).
  const floorPage = `${floor.url}/`;
  // CI's short form runs what it gates on (issue 28: CI's minutes go where they check something):
  // simulated, the floor, the article and the home; applied, the floor, the about page and the
  // article. The full form adds the about page simulated, the home applied and the article
  // without its web fonts.
  const sim = lighthouseRounds<string>({
    floor: floorPage,
    ...(ci ? {} : { static: `${cached.url}${paths.static}` }),
    article: `${cached.url}${paths.article}`,
    home: `${cached.url}${paths.home}`,
  }) as Record<'floor' | 'article' | 'home', LighthouseMedian> & { static?: LighthouseMedian };
  // The article once more with its web fonts blocked (the metric-matched fallbacks, decision 020): what the shipped faces cost its LCP, in the same rounds.
  const withoutFonts: [string, string[]] = [`${cached.url}${paths.article}`, ['--blocked-url-patterns=*.woff2']];
  const applied = lighthouseRounds<string>(
    ci
      ? { floor: floorPage, static: `${cached.url}${paths.static}`, article: `${cached.url}${paths.article}`, lite: `${cached.url}${paths.article}.lite` }
      : {
          floor: floorPage,
          static: `${cached.url}${paths.static}`,
          article: `${cached.url}${paths.article}`,
          lite: `${cached.url}${paths.article}.lite`,
          articleWithoutFonts: withoutFonts,
          home: `${cached.url}${paths.home}`,
        },
    ['--throttling-method=devtools'],
    appliedLighthouseRuns,
  ) as Record<'floor' | 'static' | 'article' | 'lite', LighthouseMedian> & { home?: LighthouseMedian; articleWithoutFonts?: LighthouseMedian };
  const withoutFontsRun = applied.articleWithoutFonts;
  const fontCost = {
    bytes: applied.article.fontBytes,
    files: applied.article.fontFiles,
    lcpMs: withoutFontsRun ? applied.article.lcpMs - withoutFontsRun.lcpMs : NaN,
    blockedBytes: withoutFontsRun?.fontBytes ?? NaN,
  };
  results.fonts = { ...fontCost, lcpWithMs: applied.article.lcpMs, lcpWithoutMs: withoutFontsRun?.lcpMs ?? null, shipped: shippedFaceBytes() };
  const lhArticle = sim.article;
  const lhHome = sim.home;
  const vs = budgets.vsFloor;
  const lcpRatio = { static: applied.static.lcpMs / applied.floor.lcpMs, article: applied.article.lcpMs / applied.floor.lcpMs };
  const appliedCheck = check(
    lcpRatio.static <= vs.appliedLcp && lcpRatio.article <= vs.appliedLcpArticleGuard,
    `LCP with applied throttling: about ${fmt(lcpRatio.static, 2)} × (budget ${vs.appliedLcp}), article ${fmt(lcpRatio.article, 2)} × the floor's (budget ${vs.appliedLcpArticleGuard})`,
  );
  // Issue 31: the lite article (no script, one document) against the floor.
  const liteRatio = applied.lite.lcpMs / applied.floor.lcpMs;
  const liteCheck = check(applied.lite.scriptBytes === 0, `the lite article loads ${applied.lite.scriptBytes} bytes of script (budget 0)`);
  const scriptAboveFloor = applied.article.scriptBytes - applied.floor.scriptBytes;
  const scriptCheck = check(
    scriptAboveFloor <= budgets.articleJsAboveFloorBytes,
    `article loads ${scriptAboveFloor} bytes of script above the floor page's (budget ${budgets.articleJsAboveFloorBytes})`,
  );
  // Both throttling modes: with the CSS in the document, a paint made while it is still arriving must not move anything either.
  const clsCheck = check(
    Math.max(lhArticle.cls, lhHome.cls, applied.article.cls, applied.static.cls) <= budgets.cls,
    `layout shift ${lhArticle.cls} / ${lhHome.cls}, applied throttling ${applied.article.cls} / ${applied.static.cls} (budget ${budgets.cls})`,
  );
  const gates = budgets.ciGates;
  const perfCheck = check(lhArticle.performance >= gates.performance, `article performance ${lhArticle.performance} (gate ${gates.performance})`);
  const a11yCheck = check(
    lhArticle.accessibility >= gates.accessibility && lhHome.accessibility >= gates.accessibility,
    `accessibility ${lhArticle.accessibility} / ${lhHome.accessibility}`,
  );
  const lcpCheck = check(lhArticle.lcpMs <= gates.lcpMs, `article LCP ${fmt(lhArticle.lcpMs)} ms (gate ${gates.lcpMs})`);

  // Video and audio (issue 30): on the SQLite server, after the pages' own figures.
  const media = await measureMedia(cached);
  results.media = media.results;

  // The read beacon (issue 32): on a server of its own, with its metrics, after the other loads.
  const beaconServer = await startServer(3211, { ...base, METRICS_PORT: '3291', MEDIA_RENDITION_JOBS: '0' });
  const beacon = await measureBeacon(beaconServer, 'http://127.0.0.1:3291/metrics', ci ? 8 : 15).finally(() => stopServer(beaconServer));
  results.beacon = beacon;
  const beaconRateCheck = check(
    beacon.viewsPerSecond >= budgets.beacon.viewsPerSecond,
    `the read beacon took ${fmt(beacon.viewsPerSecond)} views/s (budget ${budgets.beacon.viewsPerSecond})`,
  );
  const beaconWritesCheck = check(
    beacon.batches * budgets.beacon.viewsPerWrite <= beacon.received,
    `${beacon.received} views took ${beacon.batches} store writes (budget: one per ${budgets.beacon.viewsPerWrite} views at most)`,
  );
  const beaconHitCheck = check(
    beacon.hitRateWithBeacons >= (1 - budgets.beacon.hitRateLoss) * beacon.hitRateAlone,
    `pages' cache-hit rate ${fmt(beacon.hitRateWithBeacons * 100, 1)} % with the beacons against ${fmt(beacon.hitRateAlone * 100, 1)} % without`,
  );

  // Growth: misses on a store of 1,000 and of a million stories, on a server of their own.
  let growth: string[][] = [];
  if (!ci) {
    for (const server of [cached, uncached, cachedOne, uncachedOne, postgresA, postgresB, postgresUncached]) await stopServer(server);
    growth = await measureGrowth();
  }

  // The table.
  const lcpCell = (r: LighthouseMedian) => (r.lcpRuns.length > 1 ? `${fmt(r.lcpMs)} (runs ${r.lcpRuns.map((v) => fmt(v)).join(', ')})` : fmt(r.lcpMs));
  const lhRow = (name: string, r: LighthouseMedian) => [
    name,
    r.performanceRuns.length > 1 ? `${fmt(r.performance, 2)} (runs ${r.performanceRuns.map((v) => fmt(v, 2)).join(', ')})` : fmt(r.performance, 2),
    fmt(r.accessibility, 2),
    fmt(r.bestPractices, 2),
    fmt(r.seo, 2),
    lcpCell(r),
    fmt(r.cls, 3),
    fmt(r.tbtMs),
  ];
  const t = budgets.targets;
  const pageName = { floor: 'Floor (trivial Next page)', static: 'About', article: 'Article', home: 'Home', lite: 'Lite article' } as const;
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const floorRows = [
    [
      `Target: static page hit ≥ ${vs.staticHit} × the floor's, one process each`,
      `${fmt(staticVsFloor.value, 2)} — ${met(staticVsFloor.value >= vs.staticHit)}`,
    ],
    [
      `Target: article hit ≥ ${vs.articleHit} × the floor's, one process each`,
      `${fmt(articleVsFloor.value, 2)} — ${met(articleVsFloor.value >= vs.articleHit)}`,
    ],
    [
      `Target: article hit p99 ≤ ${vs.tail} × p50 at ${connections} connections, no timeout`,
      `${fmt(tail.hit, 1)} × (floor ${fmt(tail.floor, 1)} ×), ${timeouts} timeouts — ${met(tail.hit <= vs.tail && timeouts === 0)}`,
    ],
    [`Target: article hit, default workers ≥ ${vs.workers} × one process`, `${fmt(hitScaling.value, 2)} — ${met(hitScaling.value >= vs.workers)}`],
    [
      `Article hit on PostgreSQL + Redis ≥ ${budgets.postgresHit} × SQLite's, default workers each (gated, × ${budgets.ciRatioSlack} in CI)`,
      `${fmt(postgresHit.value, 2)} (${postgresHit.spread}) — ${postgresCheck}; forced miss ${fmt(postgresMiss.value, 2)} × SQLite's`,
    ],
    [
      `A publish through one PostgreSQL instance on the other's home under 200 connections, from the publish's answer, worst of ${reached.length} (target ≤ ${budgets.publishReachesOtherMs} ms)`,
      `${publishReach} ms (${reached.join(', ')}) — ${met(publishReach <= budgets.publishReachesOtherMs)}`,
    ],
    [
      `Home at 200 connections, a publish every 3 s: PostgreSQL's p99 ≤ ${budgets.publishingTail} × SQLite's, no timeouts`,
      `${fmt(publishingTail, 2)} × (${fmt(publishingPostgres.home.p99, 1)} against ${fmt(publishingSqlite.home.p99, 1)} ms), ${publishingPostgres.home.timeouts + publishingSqlite.home.timeouts} timeouts — ${met(publishingTail <= budgets.publishingTail && publishingPostgres.home.timeouts === 0)}`,
    ],
    [
      'Resident memory after the load, MB (primary; workers)',
      `default ${memory.default.primary}; ${memory.default.workers.join(', ')} — one process ${memory.one.primary}; ${memory.one.workers.join(', ')}`,
    ],
    [
      // Issue 28: the article's time to interactive, with its LCP beside it (reported, not gated yet).
      `Target: article time to interactive, applied throttling, ≤ ${vs.appliedTti} × the floor's, LCP unchanged`,
      `${fmt(applied.article.ttiMs)} ms against ${fmt(applied.floor.ttiMs)} (${fmt(applied.article.ttiMs / applied.floor.ttiMs, 2)} ×; about ${fmt(applied.static.ttiMs / applied.floor.ttiMs, 2)} ×); LCP ${fmt(lcpRatio.article, 2)} × — ${met(applied.article.ttiMs / applied.floor.ttiMs <= vs.appliedTti)}`,
    ],
    [
      `LCP, applied throttling: about ≤ ${vs.appliedLcp} × the floor's, article ≤ ${vs.appliedLcpArticleGuard} × (gated, in CI too)`,
      `about ${fmt(lcpRatio.static, 2)}, article ${fmt(lcpRatio.article, 2)} — ${appliedCheck}`,
    ],
    [
      `Target: the article's LCP, applied throttling, ≤ ${vs.appliedLcp} × the floor's`,
      `${fmt(lcpRatio.article, 2)} — ${met(lcpRatio.article <= vs.appliedLcp)}`,
    ],
    [
      `Target: the lite article's LCP (issue 31), applied throttling, ≤ ${vs.liteLcp} × the floor's; no script (gated, in CI too)`,
      `${fmt(applied.lite.lcpMs)} ms against ${fmt(applied.floor.lcpMs)}: ${fmt(liteRatio, 2)} × — ${met(liteRatio <= vs.liteLcp)}; ${applied.lite.scriptBytes} bytes of script — ${liteCheck}`,
    ],
    [
      `Target: simulated LCP of the article within ${vs.simulatedLcpMs} ms of the floor's`,
      `${fmt(sim.article.lcpMs - sim.floor.lcpMs)} ms — ${met(sim.article.lcpMs - sim.floor.lcpMs <= vs.simulatedLcpMs)}`,
    ],
    [
      `Target: simulated performance score of the article within ${vs.simulatedScore} of the floor's`,
      `${fmt(sim.article.performance, 2)} against ${fmt(sim.floor.performance, 2)} — ${met(sim.floor.performance - sim.article.performance <= vs.simulatedScore + 1e-9)}`,
    ],
    [
      `Script the article loads above the floor page's ≤ ${budgets.articleJsAboveFloorBytes} bytes (all of it, islands after the paint included)`,
      `${scriptAboveFloor} — ${scriptCheck}`,
    ],
    [
      'Web fonts the article loads (decision 020), and what they cost its LCP with applied throttling (against the same page with them blocked)',
      `${fontCost.bytes} bytes in ${fontCost.files} files; ` +
        (withoutFontsRun
          ? `LCP ${fmt(applied.article.lcpMs)} ms against ${fmt(withoutFontsRun.lcpMs)} without (${fontCost.lcpMs >= 0 ? '+' : ''}${fmt(fontCost.lcpMs)} ms)`
          : 'their cost to LCP is measured in the full run'),
    ],
    [
      'Faces shipped, bytes of WOFF2 (a page fetches only those its text uses)',
      Object.entries(shippedFaceBytes())
        .map(([family, bytes]) => `${family} ${bytes}`)
        .join('; '),
    ],
  ];
  const target = (ok: boolean) => (ok ? 'met' : 'not met');
  const report = [
    `Measured ${results.date} on ${results.machine}; load: ${has('wrk') ? 'wrk' : 'autocannon'}, ${connections} connections, ${duration} s; store: 1,000 stories.`,
    '',
    table(['Page, cache', 'Requests/s', 'p50 ms', 'p99 ms', 'Compared'], rows),
    '',
    table(
      ['Page', 'HTML bytes', 'HTML gzip', 'HTML sent to Chromium', 'Scripts in the HTML', 'Their JS gzip', 'Above the about page'],
      (['static', 'article', 'home', 'section', 'live'] as const).map((k) => [
        k === 'static' ? 'About (no island)' : k,
        String(bytes[k]!.htmlBytes),
        String(bytes[k]!.htmlGzip),
        bytes[k]!.htmlSent,
        String(bytes[k]!.scripts),
        String(bytes[k]!.jsGzip),
        k === 'static' ? '—' : String(bytes[k]!.jsGzip - aboutScripts),
      ]),
    ),
    '',
    table(
      ['Lighthouse (mobile)', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'LCP ms', 'CLS', 'TBT ms', 'Script KB'],
      [
        ...(['floor', 'static', 'article', 'home'] as const)
          .filter((k) => sim[k])
          .map((k) => [...lhRow(`${pageName[k]}, simulated`, sim[k]!), fmt(sim[k]!.scriptBytes / 1024, 1)]),
        ...(['floor', 'static', 'article', 'lite', 'home'] as const)
          .filter((k) => applied[k])
          .map((k) => [...lhRow(`${pageName[k]}, applied`, applied[k]!), fmt(applied[k]!.scriptBytes / 1024, 1)]),
      ],
    ),
    '',
    mediaTable(media.rows),
    '',
    ...(growth.length ? [growthTable(growth), ''] : []),
    table(
      ['Budget', 'Result'],
      [
        ...floorRows,
        [
          `Script in the article's HTML (before the first paint) ≤ ${budgets.articleJsAboveFloorBytes} bytes gzip above the about page's`,
          `${articleAbove} — ${jsCheck}`,
        ],
        [
          `CLS ≤ ${budgets.cls} (article / home; applied: article / about)`,
          `${lhArticle.cls} / ${lhHome.cls}; ${applied.article.cls} / ${applied.static.cls} — ${clsCheck}`,
        ],
        [
          `Article cache hit ≥ ${budgets.hitVsStatic} × static page${ci ? ` (× ${budgets.ciRatioSlack} in CI)` : ''}`,
          `${fmt(articleHitRatio, 2)} — ${hitCheck}`,
        ],
        [
          `Article miss ≥ ${budgets.missVsFloor} × the floor's hit, one process each${ci ? ` (× ${budgets.ciRatioSlack} in CI)` : ''}`,
          `${fmt(missVsFloor.value, 2)} — ${missCheck}`,
        ],
        [`Article through the shipped nginx config ≥ ${budgets.proxiedVsNginx} × nginx from disk`, proxiedCheck],
        [`Read beacon ≥ ${budgets.beacon.viewsPerSecond} views/s (issue 32)`, `${fmt(beacon.viewsPerSecond)} — ${beaconRateCheck}`],
        [
          `Read beacon: at least ${budgets.beacon.viewsPerWrite} views per store write`,
          `${beacon.received} views in ${beacon.batches} writes — ${beaconWritesCheck}`,
        ],
        [
          `Pages' cache-hit rate with the beacons flowing ≥ ${1 - budgets.beacon.hitRateLoss} × without (over 30 s: one refresh of most read)`,
          `${fmt(beacon.hitRateWithBeacons * 100, 1)} % (${beacon.pageRequestsWithBeacons} pages) against ${fmt(beacon.hitRateAlone * 100, 1)} % (${beacon.pageRequestsAlone}) — ${beaconHitCheck}`,
        ],
        [
          'Overload (200 connections): no timeout, every answer 200 or an immediate 503',
          `${over.timeouts} timeouts, served p99 ${fmt(over.p99)} ms — ${overloadCheck}`,
        ],
        [
          `Lighthouse gate: performance ≥ ${gates.performance}, LCP ≤ ${gates.lcpMs} ms, accessibility 1`,
          `${lhArticle.performance}, ${fmt(lhArticle.lcpMs)} ms, ${lhArticle.accessibility} — ${[perfCheck, lcpCheck, a11yCheck].every((c) => c === 'ok') ? 'ok' : 'MISSED'}`,
        ],
        [`Target: performance ≥ ${t.performance}`, `${lhArticle.performance} — ${target(lhArticle.performance >= t.performance)}`],
        [`Target: LCP ≤ ${t.lcpMs} ms`, `${fmt(lhArticle.lcpMs)} — ${target(lhArticle.lcpMs <= t.lcpMs)}`],
        [`Target: TBT ≤ ${t.tbtMs} ms`, `${fmt(lhArticle.tbtMs)} — ${target(lhArticle.tbtMs <= t.tbtMs)}`],
      ],
    ),
  ].join('\n');
  console.log(report);
  Object.assign(results, {
    rows,
    bytes,
    lighthouse: { simulated: sim, applied },
    growth,
    nginx: nginxRow,
    nginxProxied: proxiedRow,
    failures,
  });
  fs.writeFileSync(path.join(outDir, ci ? 'results-ci.json' : 'results.json'), JSON.stringify(results, null, 2));
  fs.writeFileSync(path.join(outDir, ci ? 'results-ci.md' : 'results.md'), `${report}\n`);
} finally {
  for (const server of [cached, uncached, cachedOne, uncachedOne, floor, postgresA, postgresB, postgresUncached]) await stopServer(server).catch(() => {});
  await redis.stop();
  await pgDatabase.drop();
}

if (failures.length) {
  console.error(`\nbench: budgets missed:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.error('\nbench: every budget met');
}

/**
 * The edge (issue 29; decision 024): deploy/edge/run in front of the two PostgreSQL instances,
 * which purge it. Its rows and checks go into the report; the instances are stopped at the end
 * (what the edge serves without them is the last figure), so this runs after every other use of them.
 */
async function measureEdge() {
  const targets = budgets.edge;
  const seconds = ci ? 6 : 10;
  const browser = { 'Accept-Encoding': 'gzip, deflate, br' };
  log('edge: deploy/edge/run (Varnish, xkey) in front of the two PostgreSQL instances');
  const edge = await startEdge(benchEdge.port, [3208, 3209], benchEdge.secret);
  const ask = async (target: string) => {
    const started = Date.now();
    const response = await fetch(`${edge.url}${target}`, { redirect: 'manual' });
    await response.arrayBuffer();
    return { status: response.status, headers: Object.fromEntries(response.headers), ms: Date.now() - started };
  };
  try {
    // A page no publish changes (its tags: the edition's sections and banner), cached now and asked again at the end.
    const held = paths.static;
    await ask(held);
    const heldAt = Date.now();

    log('edge: the home as a browser asks it, against nginx sending it precompressed (gzip_static), three rounds');
    const gzipStatic = await startNginxGzipStatic(`${postgresA.url}/en`);
    const rounds: { file: Load; edge: Load; ratio: number }[] = [];
    try {
      for (let round = 0; round < 3; round += 1) {
        const file = await load(gzipStatic.url, seconds, browser);
        const viaEdge = await load(`${edge.url}/en`, seconds, browser);
        rounds.push({ file, edge: viaEdge, ratio: viaEdge.rps / file.rps });
      }
    } finally {
      await gzipStatic.stop();
    }
    rounds.sort((a, b) => a.ratio - b.ratio);
    const median = rounds[1]!;
    const spread = `${fmt(rounds[0]!.ratio, 2)}–${fmt(rounds[2]!.ratio, 2)}`;
    rows.push([
      "Home from nginx, gzip_static (the edge's ceiling)",
      fmt(median.file.rps),
      fmt(median.file.p50, 1),
      fmt(median.file.p99, 1),
      'Accept-Encoding: gzip, deflate, br',
    ]);
    rows.push([
      'Home through the edge (Varnish), hit',
      fmt(median.edge.rps),
      fmt(median.edge.p50, 1),
      fmt(median.edge.p99, 1),
      `${fmt(median.ratio, 2)} × nginx gzip_static (median of 3 rounds: ${spread})`,
    ]);
    // Reported against its target, not gated: on two cores shared with the load generator the
    // rounds spread from 0.64 to 1.03 in one session (docs/performance.md).
    rows.push(['', '', '', '', `target ≥ ${targets.vsGzipStatic} × nginx gzip_static: ${median.ratio >= targets.vsGzipStatic ? 'met' : 'not met'}`]);

    log('edge: the home at 200 connections through the edge while a story is published every 3 s');
    // Asked as browsers ask: the edge keeps the page gzipped, and would unzip it for every request that does not take gzip.
    const publishing = await homeWhilePublishing(edge, postgresA, 'edge', browser);
    const worstPublish = Math.max(...publishing.reached);
    rows.push([
      'Home through the edge, 200 connections, a publish every 3 s',
      fmt(publishing.home.rps),
      fmt(publishing.home.p50, 1),
      fmt(publishing.home.p99, 1),
      `${publishing.home.errors} errors, ${publishing.home.timeouts} timeouts; each publish on the edge's home ${publishing.reached.join(', ')} ms after its answer`,
    ]);
    // Reported against the target, not gated: the purge lands in tens of milliseconds; what a
    // reader waits for under 200 connections is the instance's next render on a machine the
    // load generator and the edge keep busy (docs/performance.md).
    rows.push([
      '',
      '',
      '',
      '',
      `target: every publish within ${targets.publishMs} ms: ${worstPublish <= targets.publishMs ? 'met' : `not met (worst ${worstPublish} ms)`}`,
    ]);
    check(
      publishing.home.errors === 0 && publishing.home.timeouts === 0,
      `the home through the edge while publishing: ${publishing.home.errors} errors, ${publishing.home.timeouts} timeouts (target none)`,
    );

    log('edge: a withdrawal through the edge, under 200 connections on the home');
    const id = `bench-edge-withdrawn-${Date.now()}`;
    const story = { ...benchStory, id, slug: id, headline: `Withdrawn at the edge ${id}`, publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    const published = await fetch(`${postgresA.url}/api/v1/articles`, { method: 'POST', headers: benchAuth, body: JSON.stringify(story) });
    const { path: storyPath } = (await published.json()) as { path: string };
    for (let i = 0; i < 20 && (await ask(storyPath)).headers['x-cache-status'] !== 'HIT'; i += 1) await new Promise((r) => setTimeout(r, 50));
    const loading = load(`${edge.url}/en`, 6, browser, 200);
    await new Promise((r) => setTimeout(r, 2500));
    const withdrawn = await sentAgainIfShed(() => fetch(`${postgresB.url}/api/v1/articles/${id}`, { method: 'DELETE', headers: benchAuth }));
    if (!withdrawn.ok) throw new Error(`bench: could not withdraw ${id}: ${withdrawn.status}`);
    const start = Date.now();
    while ((await ask(storyPath)).status !== 410 && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 10));
    const withdrawMs = Date.now() - start;
    const underLoad = await loading;
    rows.push([
      'A withdrawal through the edge, 200 connections on the home',
      fmt(underLoad.rps),
      fmt(underLoad.p50, 1),
      fmt(underLoad.p99, 1),
      `410 through the edge ${withdrawMs} ms after the withdrawal's answer; ${underLoad.errors} errors, ${underLoad.timeouts} timeouts`,
    ]);
    rows.push(['', '', '', '', `target: 410 within ${targets.withdrawMs} ms: ${withdrawMs <= targets.withdrawMs ? 'met' : 'not met'}`]);
    check(
      underLoad.errors === 0 && underLoad.timeouts === 0,
      `the home through the edge during the withdrawal: ${underLoad.errors} errors, ${underLoad.timeouts} timeouts (target none)`,
    );

    const wait = heldAt + targets.heldSeconds * 1000 - Date.now();
    if (wait > 0) {
      log(`edge: waiting ${Math.ceil(wait / 1000)} s more for the held page`);
      await new Promise((r) => setTimeout(r, wait));
    }
    const heldAnswer = await ask(held);
    const age = Number(heldAnswer.headers.age ?? 0);
    rows.push([
      `${held} through the edge, ${targets.heldSeconds} s after it was cached`,
      '',
      '',
      '',
      `${heldAnswer.headers['x-cache-status']}, Age ${age} s: fetched from the instances once`,
    ]);
    check(
      heldAnswer.headers['x-cache-status'] === 'HIT' && age >= targets.heldSeconds,
      `${held} still a HIT at the edge after ${age} s (target ≥ ${targets.heldSeconds} s, one fetch)`,
    );

    log('edge: both instances stopped');
    await ask('/en');
    await stopServer(postgresA);
    await stopServer(postgresB);
    const home = await ask('/en');
    const article = await ask(held);
    const never = await ask('/en/tag/never-asked-of-the-edge');
    rows.push([
      'Both instances stopped, through the edge',
      '',
      '',
      '',
      `the home ${home.status} ${home.headers['x-cache-status']}, ${held} ${article.status} ${article.headers['x-cache-status']}; a page never cached ${never.status} in ${never.ms} ms`,
    ]);
    check(
      home.status === 200 && article.status === 200,
      `with the instances stopped the edge serves the home (${home.status}) and a cached page (${article.status})`,
    );
    check(
      never.status === 503 && never.ms <= targets.unavailableMs,
      `a page never cached answers ${never.status} in ${never.ms} ms with the instances stopped (target 503 within ${targets.unavailableMs} ms)`,
    );
    return {
      vsGzipStatic: median.ratio,
      spread,
      publishReachedMs: publishing.reached,
      withdrawMs,
      heldAge: age,
      stopped: { home: home.status, held: article.status, never: never.status, neverMs: never.ms },
    };
  } finally {
    await edge.stop();
  }
}

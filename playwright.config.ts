import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the production build (`npm run build`, then the standalone server), in Debian's
 * Chromium. The server gets its own store (.data/e2e.sqlite), created fresh for every run.
 */

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

const cluster = /cluster\.spec\.ts$/;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Without these, Chromium keeps trying to reach Google's services on this closed network.
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Where the e2e phase's time goes (issue 28): the slowest spec files, at the end of the run.
  reportSlowTests: { max: 12, threshold: 30_000 },
  use: {
    baseURL,
    launchOptions: chromium,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', testIgnore: cluster, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium } },
    // The phone runs what differs on a phone (layout, what is visible, what a tap reaches): the
    // tests tagged @screen (e2e/support/screens.ts). What the server answers is the same for
    // every screen and runs once, on the desktop (issue 28).
    { name: 'pixel-7', testIgnore: cluster, grep: /@screen/, use: { ...devices['Pixel 7'], launchOptions: chromium } },
    // The iPhone descriptor defaults to WebKit, which is not installed here: same screen, Chromium engine.
    // A second phone 22 px narrower than the Pixel: what it checks differently is the layout of the
    // screens themselves (e2e/screens.spec.ts); every other spec's phone is the Pixel (issue 28).
    { name: 'iphone', testMatch: /screens\.spec\.ts$/, use: { ...devices['iPhone 14'], browserName: 'chromium', launchOptions: chromium } },
    // Several instances of the build on PostgreSQL and Redis, behind nginx: HTTP only, no screen.
    { name: 'cluster', testMatch: cluster },
  ],
  webServer: [
    {
      // Pictures from another host (IMAGE_HOSTS), over HTTPS with a certificate made for the run.
      command: 'node e2e/support/image-host.mjs',
      url: 'https://127.0.0.1:3443/ready',
      ignoreHTTPSErrors: true,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `rm -rf .data/e2e.sqlite .data/e2e.sqlite-* .data/e2e-locks && node e2e/support/image-host.mjs --certificate-only && npm run build && PORT=${port} node scripts/serve.mjs`,
      url: `${baseURL}/en/about`,
      // Four stories a page, so the demo's sections have more than one page to walk through.
      // Islands poll every few seconds, so tests see new content without waiting a minute.
      env: {
        DATABASE_PATH: '.data/e2e.sqlite',
        NEXT_TELEMETRY_DISABLED: '1',
        STORIES_PER_PAGE: '4',
        SITE_URL: baseURL,
        LATEST_POLL_SECONDS: '5',
        LIVE_POLL_SECONDS: '2',
        // Most read worked out every 5 s rather than 30, so that a test sees a new order within seconds.
        MOST_READ_REFRESH_SECONDS: '5',
        PUBLISH_TOKEN: 'e2e-publish-token',
        // Tests send wrong tokens on purpose; the throttle has its own test, with its own server.
        PUBLISH_AUTH_MAX_FAILURES: '100000',
        // One worker: tests that watch the page cache need every request to reach the same one.
        // e2e/workers.spec.ts runs the default, one per core.
        WEB_CONCURRENCY: '1',
        // Two test workers and their browsers share this machine with the server: a request
        // waits rather than being answered 503 (shedding has its own tests, and the bench).
        MAX_QUEUE_MS: '20000',
        // A picture host of the tests' own (e2e/support/image-host.mjs), built into remotePatterns.
        IMAGE_HOSTS: '127.0.0.1',
        IMAGES_ALLOW_LOCAL_IP: '1',
        NODE_EXTRA_CA_CERTS: path.resolve('.data/e2e-tls/image-host.crt'),
        // One JSON line per request would bury the test report.
        LOG_LEVEL: 'warn',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'pipe',
    },
  ],
});

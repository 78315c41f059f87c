import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The import tool, run as an editor runs it: a wrong store setting is one clear line and status 1. */
function contentImport(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content-import.ts', 'content'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

describe('npm run content:import against a store it cannot use', () => {
  it('names a wrong DATABASE_URL, without a stack trace', () => {
    const run = contentImport({ DATABASE_URL: 'mysql://editor@db/news' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('content:import: DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite store)');
  });

  it('says the store cannot be reached, without a stack trace', () => {
    const run = contentImport({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/news' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^content:import: cannot reach the content store: .*ECONNREFUSED/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

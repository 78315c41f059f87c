import { describe, expect, it } from 'vitest';
import { StoreConfigError, openStore, storeConfigFromEnv } from './database';
import { isStoreConfigError, isStoreUnavailable } from './store-errors';

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe('choosing the store from the environment', () => {
  it('is SQLite by default, PostgreSQL with DATABASE_URL', () => {
    expect(storeConfigFromEnv(env({}))).toMatchObject({ kind: 'sqlite' });
    expect(storeConfigFromEnv(env({ DATABASE_URL: 'postgres://u@db:5432/news' }))).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/news',
      poolMax: 10,
      statementTimeoutMs: 5000,
      queryLog: undefined,
    });
    expect(storeConfigFromEnv(env({ DATABASE_URL: 'postgresql://u@db/news', DATABASE_POOL_MAX: '4' }))).toMatchObject({ poolMax: 4 });
  });

  it('says clearly what is wrong with a setting', () => {
    expect(() => storeConfigFromEnv(env({ DATABASE_URL: 'mysql://u@db/news' }))).toThrow(StoreConfigError);
    let thrown: unknown;
    try {
      storeConfigFromEnv(env({ DATABASE_URL: 'mysql://u@db/news' }));
    } catch (error) {
      thrown = error;
    }
    expect(isStoreConfigError(thrown)).toBe(true);
    expect(isStoreUnavailable(thrown)).toBe(false);
    expect(() => storeConfigFromEnv(env({ DATABASE_URL: 'mysql://u@db/news' }))).toThrow(/postgres:\/\//);
    expect(() => storeConfigFromEnv(env({ DATABASE_URL: 'postgres://u@db/news', DATABASE_POOL_MAX: 'lots' }))).toThrow(
      /DATABASE_POOL_MAX must be a positive integer/,
    );
  });
});

describe('a store that cannot be reached', () => {
  it('fails fast when opened, with an error the server answers 503 for', async () => {
    const started = Date.now();
    const error = await openStore({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isStoreUnavailable(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('is told apart from a bug', () => {
    expect(isStoreUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isStoreUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isStoreUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
    expect(isStoreUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isStoreUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});

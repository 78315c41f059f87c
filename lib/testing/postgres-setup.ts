import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Vitest global setup of the PostgreSQL project: a throw-away database for this run, dropped at
 * the end. TEST_POSTGRES_URL names the server (default: the local one, trust auth).
 */

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `newsroom_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`The PostgreSQL contract tests need a server at ${server} (set TEST_POSTGRES_URL): ${(error as Error).message}`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  project.provide('postgresUrl', url.toString());

  return async () => {
    const cleanup = new pg.Client({ connectionString: server });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
}

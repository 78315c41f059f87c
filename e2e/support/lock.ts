import fs from 'node:fs';
import path from 'node:path';

/**
 * A lock shared by every test worker, for tests that change what every page of an edition
 * shows (its home's lead, its breaking-news banner) and must not see each other's changes.
 * A directory is created atomically or not at all; one left by a crashed run is taken over
 * after two minutes (and the run's server command removes them all when it starts).
 */
const dir = path.resolve('.data/e2e-locks');
const staleMs = 120_000;

export async function withLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const deadline = Date.now() + 4 * staleMs; ;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > staleMs) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`the e2e lock "${name}" is still held`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await run();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

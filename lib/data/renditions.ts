import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { logger } from '../log';
import { register, registered } from '../runtime/process-state.mjs';
import { getStore } from '../store/database';
import {
  claimRenditionJob,
  extendRenditionLease,
  finishRenditionJob,
  getMediaStreams,
  mediaChunkSize,
  readMediaChunks,
  renditionAttempts,
  saveMediaStream,
  type Rendition,
} from '../store/media-streams';
import { fileChunks, hashFile, makeWorkDir } from '../content/media-files';
import { makeRenditions, writeChunksToFile } from '../content/renditions';

/**
 * The background queue that makes uploads' web renditions (decision 025). Every server process
 * runs one, taking one upload at a time (MEDIA_RENDITION_JOBS, default 1) under a lease in the
 * store, so an upload is made once whichever instance received it, and again by another if its
 * maker goes away. ffmpeg runs at a low priority: readers' requests come first. The store says
 * when an upload's renditions are ready; the pages that play it are then made again.
 */

const pollMs = () => Number(process.env.MEDIA_RENDITION_POLL_MS) || 2000;
const jobs = () => Math.max(0, Math.floor(Number(process.env.MEDIA_RENDITION_JOBS ?? 1)));
/** How long a maker holds an upload without renewing: a maker that went away frees it this long after. */
const leaseMs = 60_000;
const maxAttempts = 3;

export function startRenditionQueue(): void {
  if (registered('renditions') || jobs() === 0) return;
  const owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running = 0;
  let timer: NodeJS.Timeout | undefined;
  const state = {
    wake: () => {
      clearTimeout(timer);
      timer = setTimeout(() => void tick(), 0);
      timer.unref();
    },
  };
  register('renditions', state);

  const tick = async () => {
    try {
      while (running < jobs()) {
        const { db } = await getStore();
        const job = await claimRenditionJob(db, owner, Date.now(), leaseMs, maxAttempts);
        if (!job) break;
        running++;
        void makeJob(job.id, owner).finally(() => {
          running--;
          state.wake();
        });
      }
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'rendition queue: could not read the store');
    }
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), pollMs());
    timer.unref();
  };
  state.wake();
}

async function makeJob(id: string, owner: string): Promise<void> {
  const { db } = await getStore();
  const started = Date.now();
  const workDir = await makeWorkDir();
  const renew = setInterval(() => void extendRenditionLease(db, id, owner, Date.now() + leaseMs).catch(() => undefined), leaseMs / 3);
  renew.unref();
  try {
    const source = (await getMediaStreams(db, [id])).get(id);
    if (!source) return;
    const sourceFile = path.join(workDir, `source.${source.extension}`);
    const lastChunk = Math.max(0, Math.ceil(source.byteLength / source.chunkSize) - 1);
    await writeChunksToFile(storedChunks(id, lastChunk), sourceFile);
    const made = await makeRenditions(source, sourceFile, workDir);
    const renditions: Rendition[] = [];
    for (const rendition of made) {
      const renditionId = await hashFile(rendition.file);
      const byteLength = (await fs.promises.stat(rendition.file)).size;
      await saveMediaStream(
        db,
        {
          id: renditionId,
          kind: source.kind,
          contentType: rendition.contentType,
          extension: rendition.extension,
          byteLength,
          chunkSize: mediaChunkSize(),
          durationMs: source.durationMs,
          width: rendition.width,
          height: rendition.height,
          poster: source.poster,
          renditionOf: source.id,
        },
        fileChunks(rendition.file, mediaChunkSize()),
      );
      renditions.push({
        id: renditionId,
        contentType: rendition.contentType,
        extension: rendition.extension,
        width: rendition.width,
        height: rendition.height,
        byteLength,
      });
    }
    await finishRenditionJob(db, id, { renditions });
    logger.info({ media: id, renditions: renditions.length, ms: Date.now() - started }, 'renditions ready');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ media: id, err: message }, 'renditions failed');
    const attempts = await renditionAttempts(db, id).catch(() => maxAttempts);
    await finishRenditionJob(db, id, { error: message, final: attempts >= maxAttempts }).catch(() => undefined);
  } finally {
    clearInterval(renew);
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}

async function* storedChunks(id: string, lastChunk: number): AsyncIterable<Uint8Array> {
  const { db } = await getStore();
  for (let n = 0; n <= lastChunk; n += 8) {
    for (const chunk of await readMediaChunks(db, id, n, Math.min(lastChunk, n + 7))) yield chunk;
  }
}

import { describe, expect, it } from 'vitest';
import { storePerTest } from '../testing/fixtures';
import { latestCacheTagSeq, listCacheTagEvents } from './cache-events';
import { claimRenditionJob, finishRenditionJob, getMediaStreams, mediaChunkSize, readMediaChunks, renditionAttempts, saveMediaStream } from './media-streams';

const store = storePerTest({ withSections: false });

async function* chunksOf(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const upload = (id: string, bytes: Uint8Array) =>
  saveMediaStream(
    store.db,
    {
      id,
      kind: 'video',
      contentType: 'video/mp4',
      extension: 'mp4',
      byteLength: bytes.length,
      chunkSize: 1000,
      durationMs: 2000,
      width: 640,
      height: 360,
      poster: null,
      renditionState: 'pending',
    },
    chunksOf(bytes, 1000),
  );

describe('video and audio files in the store', () => {
  it('keep a file in chunks, whole or not at all, once however often it is written', async () => {
    const bytes = new Uint8Array(3500).map((_, i) => i % 251);
    expect(await upload('a'.repeat(32), bytes)).toBe(true);
    expect(await upload('a'.repeat(32), bytes)).toBe(false);
    const stored = (await getMediaStreams(store.db, ['a'.repeat(32)])).get('a'.repeat(32));
    expect(stored).toMatchObject({ byteLength: 3500, chunkSize: 1000, renditionState: 'pending', renditions: [] });
    const chunks = await readMediaChunks(store.db, 'a'.repeat(32), 1, 3);
    expect(chunks.map((c) => c.byteLength)).toEqual([1000, 1000, 500]);
    expect(Buffer.concat([...(await readMediaChunks(store.db, 'a'.repeat(32), 0, 0)), ...chunks]).equals(Buffer.from(bytes))).toBe(true);
    expect(mediaChunkSize()).toBe(1024 * 1024);
  });

  it('hand an upload’s renditions to one maker at a time, again when its lease runs out, and purge its pages when they are ready', async () => {
    await upload('b'.repeat(32), new Uint8Array(10));
    const job = await claimRenditionJob(store.db, 'one', 1000, 60_000, 3);
    expect(job?.id).toBe('b'.repeat(32));
    expect(await claimRenditionJob(store.db, 'two', 2000, 60_000, 3)).toBeUndefined();
    // Its maker went away: another takes it once the lease has run out.
    expect((await claimRenditionJob(store.db, 'two', 70_000, 60_000, 3))?.id).toBe('b'.repeat(32));
    expect(await renditionAttempts(store.db, 'b'.repeat(32))).toBe(2);
    const before = await latestCacheTagSeq(store.db);
    const renditions = [{ id: 'c'.repeat(32), contentType: 'video/mp4', extension: 'mp4', width: 640, height: 360, byteLength: 10 }];
    await finishRenditionJob(store.db, 'b'.repeat(32), { renditions });
    expect((await getMediaStreams(store.db, ['b'.repeat(32)])).get('b'.repeat(32))).toMatchObject({ renditionState: 'ready', renditions });
    expect((await listCacheTagEvents(store.db, before)).map((e) => e.tag)).toEqual([`media:${'b'.repeat(32)}`]);
    expect(await claimRenditionJob(store.db, 'three', 200_000, 60_000, 3)).toBeUndefined();
  });

  it('give up on an upload after its last attempt', async () => {
    await upload('d'.repeat(32), new Uint8Array(10));
    await claimRenditionJob(store.db, 'one', 1000, 60_000, 3);
    await finishRenditionJob(store.db, 'd'.repeat(32), { error: 'ffmpeg failed', final: false });
    expect((await getMediaStreams(store.db, ['d'.repeat(32)])).get('d'.repeat(32))?.renditionState).toBe('pending');
    await claimRenditionJob(store.db, 'one', 2000, 60_000, 3);
    await finishRenditionJob(store.db, 'd'.repeat(32), { error: 'ffmpeg failed', final: true });
    expect((await getMediaStreams(store.db, ['d'.repeat(32)])).get('d'.repeat(32))?.renditionState).toBe('failed');
    expect(await claimRenditionJob(store.db, 'one', 3000, 60_000, 3)).toBeUndefined();
  });
});

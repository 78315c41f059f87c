/**
 * What an upload costs (decision 015): the picture pipeline (lib/content/media.ts) on a
 * photograph-like picture of each common camera size, median of three — time to check and clean
 * it, and what is stored.
 *
 *   npx tsx scripts/measure-upload.ts
 */
import sharp from 'sharp';
import { cleanPicture } from '../lib/content/media';

/** Noise softened a little: harder to compress than most photographs, so sizes are an upper bound. */
async function photoLike(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (Math.random() * 255) | 0;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .blur(1.2)
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function main() {
  console.log('| camera | upload | cleaned and stored | median time (3 runs) |');
  console.log('|---|---|---|---|');
  for (const [name, width, height] of [
    ['12 MP phone', 4032, 3024],
    ['24 MP camera', 6000, 4000],
    ['48 MP phone', 8064, 6048],
  ] as const) {
    const input = await photoLike(width, height);
    const times: number[] = [];
    let stored = '';
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const result = await cleanPicture(new Uint8Array(input));
      times.push(performance.now() - started);
      if (!result.ok) throw new Error(result.message);
      stored = `${result.record.width} × ${result.record.height}, ${(result.record.bytes.byteLength / 1e6).toFixed(1)} MB`;
    }
    const median = times.sort((a, b) => a - b)[1]!;
    console.log(`| ${name} | ${width} × ${height}, ${(input.byteLength / 1e6).toFixed(1)} MB | ${stored} | ${Math.round(median)} ms |`);
  }
}

void main();

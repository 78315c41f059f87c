/**
 * Draws the demo stories' pictures: deterministic, procedurally painted scenes (a building
 * facade, a skyline, a coast, dunes, a server room…) with film grain, written as JPEG by sharp.
 * Same recipe, same bytes: nothing is downloaded and nothing is copied from anyone.
 *
 *   npm run images            # writes missing files into public/images/demo/
 *   npm run images -- --force # rewrites every file
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export type { DemoImage } from './images/types';
import type { DemoImage } from './images/types';
import { mulberry32, noiseField } from './images/noise';
import { scenePainter } from './images/scenes';

export const demoImages: DemoImage[] = [
  { file: 'europol-headquarters.jpg', width: 2000, height: 1125, scene: 'facade', seed: 11 },
  { file: 'server-racks.jpg', width: 1500, height: 1000, scene: 'servers', seed: 12, mood: 'night' },
  { file: 'dutch-canal-street.jpg', width: 2000, height: 1125, scene: 'skyline', seed: 21 },
  { file: 'bicycle-lane.jpg', width: 1200, height: 1500, scene: 'rails', seed: 22 },
  { file: 'night-train-platform.jpg', width: 2000, height: 1125, scene: 'rails', seed: 31, mood: 'dusk' },
  { file: 'sleeper-cabin-window.jpg', width: 1500, height: 1000, scene: 'hills', seed: 32, mood: 'dusk' },
  { file: 'lisbon-rooftops.jpg', width: 2000, height: 1333, scene: 'skyline', seed: 41, mood: 'dusk' },
  { file: 'lisbon-tram-street.jpg', width: 1200, height: 1200, scene: 'market', seed: 42 },
  { file: 'border-road.jpg', width: 2000, height: 1125, scene: 'fields', seed: 51 },
  { file: 'border-village-shop.jpg', width: 1500, height: 1000, scene: 'market', seed: 52 },
  { file: 'metro-station.jpg', width: 2000, height: 1125, scene: 'rails', seed: 61, mood: 'night' },
  { file: 'camp-solar-panels.jpg', width: 2000, height: 1125, scene: 'desert', seed: 71 },
  { file: 'camp-evening-lights.jpg', width: 1500, height: 1000, scene: 'crowd', seed: 72, mood: 'night' },
  // The Arabic edition's own story on the camp (not a translation): pictures of its own.
  { file: 'zaatari-panels-dusk.jpg', width: 2000, height: 1125, scene: 'desert', seed: 73, mood: 'dusk' },
  { file: 'zaatari-market-street.jpg', width: 1500, height: 1000, scene: 'market', seed: 74 },
  { file: 'beirut-polling-station.jpg', width: 2000, height: 1125, scene: 'crowd', seed: 81 },
  { file: 'beirut-seafront.jpg', width: 1500, height: 1000, scene: 'coast', seed: 82, mood: 'dusk' },
  { file: 'beirut-night-count.jpg', width: 2000, height: 1125, scene: 'skyline', seed: 83, mood: 'night' },
  { file: 'beirut-night-crowd.jpg', width: 1500, height: 1000, scene: 'crowd', seed: 84, mood: 'night' },
  { file: 'mosul-old-city.jpg', width: 2000, height: 1333, scene: 'facade', seed: 91, mood: 'dusk' },
  { file: 'mosul-market.jpg', width: 1200, height: 1500, scene: 'market', seed: 92 },
  { file: 'riyadh-cinema.jpg', width: 2000, height: 1125, scene: 'skyline', seed: 101, mood: 'night' },
  { file: 'nairobi-skyline.jpg', width: 2000, height: 1125, scene: 'skyline', seed: 111 },
  { file: 'nairobi-coworking.jpg', width: 1500, height: 1000, scene: 'servers', seed: 112 },
  { file: 'addis-light-rail.jpg', width: 2000, height: 1125, scene: 'rails', seed: 121 },
  { file: 'dakar-fishing-boats.jpg', width: 2000, height: 1125, scene: 'coast', seed: 131 },
  { file: 'dakar-fish-market.jpg', width: 1500, height: 1000, scene: 'market', seed: 132 },
  // The French edition's own story from Dakar (not a translation): pictures of its own.
  { file: 'soumbedioune-pirogues.jpg', width: 2000, height: 1125, scene: 'coast', seed: 133, mood: 'dusk' },
  { file: 'soumbedioune-market.jpg', width: 1500, height: 1000, scene: 'market', seed: 134 },
  { file: 'cocoa-farm.jpg', width: 2000, height: 1500, scene: 'hills', seed: 141 },
  { file: 'cocoa-drying-racks.jpg', width: 1500, height: 1000, scene: 'fields', seed: 142 },
  { file: 'mexico-city-rebuilding.jpg', width: 2000, height: 1125, scene: 'facade', seed: 151 },
  { file: 'mexico-city-volunteers.jpg', width: 1200, height: 1200, scene: 'crowd', seed: 152 },
  { file: 'colombia-andes-farm.jpg', width: 2000, height: 1125, scene: 'hills', seed: 161 },
  { file: 'colombia-coffee-seedlings.jpg', width: 1500, height: 1000, scene: 'fields', seed: 162 },
  { file: 'atacama-salt-flats.jpg', width: 2000, height: 1125, scene: 'desert', seed: 171, mood: 'dusk' },
  { file: 'atacama-evaporation-ponds.jpg', width: 1500, height: 1000, scene: 'coast', seed: 172 },
  { file: 'alpine-glacier.jpg', width: 2000, height: 1333, scene: 'glacier', seed: 181 },
  { file: 'glacier-blankets.jpg', width: 1500, height: 1000, scene: 'glacier', seed: 182, mood: 'dusk' },
  { file: 'bottle-return-machine.jpg', width: 2000, height: 1125, scene: 'market', seed: 191 },
  { file: 'beach-clean-up.jpg', width: 1500, height: 1000, scene: 'coast', seed: 192 },
  { file: 'bee-hives.jpg', width: 2000, height: 1125, scene: 'fields', seed: 201 },
  { file: 'rapeseed-field.jpg', width: 1500, height: 1000, scene: 'hills', seed: 202 },
  // Used by content/examples/publish-article.json, the body the README's curl line publishes.
  { file: 'coast-wind.jpg', width: 2000, height: 1125, scene: 'coast', seed: 211 },
];

export async function renderDemoImage(image: DemoImage): Promise<Buffer> {
  const { width, height } = image;
  const rng = mulberry32(image.seed);
  const noise = noiseField(width, height, image.seed, 180);
  const paint = scenePainter(image, noise, rng);
  const grain = mulberry32(image.seed ^ 0x9e3779b9);
  const pixels = Buffer.alloc(width * height * 3);
  const cx = width / 2;
  const cy = height / 2;
  const maxD = Math.hypot(cx, cy);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = paint(x, y);
      const vignette = 1 - 0.28 * (Math.hypot(x - cx, y - cy) / maxD) ** 2;
      const g0 = (grain() + grain() + grain() - 1.5) * 14;
      const i = (y * width + x) * 3;
      pixels[i] = Math.max(0, Math.min(255, r * vignette + g0));
      pixels[i + 1] = Math.max(0, Math.min(255, g * vignette + g0));
      pixels[i + 2] = Math.max(0, Math.min(255, b * vignette + g0));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .blur(0.6)
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer();
}

export async function generateDemoImages(outDir: string, force = false): Promise<{ written: string[]; kept: number }> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  let kept = 0;
  for (const image of demoImages) {
    const file = path.join(outDir, image.file);
    if (!force && fs.existsSync(file)) {
      kept += 1;
      continue;
    }
    const bytes = await renderDemoImage(image);
    // Write beside, then rename: a half-written picture never sits under the real name.
    fs.writeFileSync(`${file}.tmp`, bytes);
    fs.renameSync(`${file}.tmp`, file);
    written.push(image.file);
  }
  return { written, kept };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = path.resolve('public/images/demo');
  const started = Date.now();
  const { written, kept } = await generateDemoImages(outDir, process.argv.includes('--force'));
  console.log(`demo images: ${written.length} drawn, ${kept} already there (${Date.now() - started} ms) in ${path.relative(process.cwd(), outDir)}`);
}

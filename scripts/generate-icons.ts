/**
 * The install icons of the web app manifests (issue 31), drawn from app/icon.svg: 192 and 512
 * pixels, and a maskable 512 (the mark inside the middle 80 %, on the brand colour to the edges,
 * for launchers that cut their own shape). `npm run icons` writes them into public/icons.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const svg = fs.readFileSync(path.resolve('app/icon.svg'));
const out = path.resolve('public/icons');
fs.mkdirSync(out, { recursive: true });
for (const size of [192, 512])
  await sharp(svg, { density: 300 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(out, `icon-${size}.png`));
const inner = await sharp(svg, { density: 300 }).resize(410, 410).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#0b3a66' } })
  .composite([{ input: inner, gravity: 'centre' }])
  .png({ compressionLevel: 9 })
  .toFile(path.join(out, 'maskable-512.png'));
console.log('icons: wrote public/icons/icon-192.png, icon-512.png, maskable-512.png');

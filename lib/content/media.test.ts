import zlib from 'node:zlib';
import sharp from 'sharp';
import exifReader from 'exif-reader';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPicture } from './media';

/** The picture pipeline (decision 015): what is refused, and what a stored picture no longer carries. */

const photo = (width = 300, height = 200) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } });

/** A photo as a phone or an agency sends it: orientation, GPS position, camera owner, XMP and a wide-gamut profile. */
async function taggedPhoto(): Promise<Buffer> {
  return photo()
    .withExif({
      IFD0: { Artist: 'Lena Hoffmann', Copyright: '© 2026 Northlight Images', Make: 'Camera maker', Model: 'Model 7' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 4/1 3012/100', GPSLongitudeRef: 'E', GPSLongitude: '4/1 18/1 2700/100' },
    })
    .withMetadata({ orientation: 6 })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Lena Hoffmann</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
    .withIccProfile('p3')
    .jpeg()
    .toBuffer();
}

const clean = async (input: Buffer) => cleanPicture(new Uint8Array(input));

afterEach(() => {
  delete process.env.MEDIA_MAX_PIXELS;
});

describe('a stored picture', () => {
  it('carries no EXIF, GPS, XMP, IPTC or profile, is turned the way the camera said, and suggests a credit', async () => {
    const input = await taggedPhoto();
    const before = await sharp(input).metadata();
    expect(exifReader(before.exif!).GPSInfo?.GPSLatitude).toBeDefined();
    expect(before.xmp).toBeDefined();

    const cleaned = await clean(input);
    if (!cleaned.ok) throw new Error(cleaned.message);
    const after = await sharp(Buffer.from(cleaned.record.bytes)).metadata();
    expect([after.exif, after.xmp, after.iptc, after.icc, after.orientation]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // No block of them in the bytes either.
    const bytes = Buffer.from(cleaned.record.bytes);
    for (const marker of ['Exif\0\0', 'http://ns.adobe.com/xap/1.0/', 'Photoshop 3.0', 'ICC_PROFILE', 'Lena', 'Northlight']) {
      expect(bytes.includes(Buffer.from(marker, 'latin1'))).toBe(false);
    }
    expect(after.space).toBe('srgb');
    // Orientation 6: the 300 × 200 sensor image is a portrait picture.
    expect([cleaned.record.width, cleaned.record.height, after.width, after.height]).toEqual([200, 300, 200, 300]);
    expect(cleaned.record).toMatchObject({ contentType: 'image/jpeg', extension: 'jpg', suggestedCredit: 'Lena Hoffmann, Northlight Images' });
  });

  it('is named by the hash of its bytes: the same picture twice, the same id', async () => {
    const input = await taggedPhoto();
    const [a, b] = await Promise.all([clean(input), clean(input)]);
    expect(a.ok && b.ok && a.record.id === b.record.id).toBe(true);
    expect(a.ok && a.record.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps transparency (as WebP), and takes PNG, WebP and AVIF', async () => {
    const transparent = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer();
    const cleaned = await clean(transparent);
    expect(cleaned.ok && cleaned.record.contentType).toBe('image/webp');
    for (const input of [await photo().png().toBuffer(), await photo().webp().toBuffer(), await photo().avif().toBuffer()]) {
      const result = await clean(input);
      expect(result.ok && [result.record.width, result.record.height]).toEqual([300, 200]);
    }
  });

  it('is at most MEDIA_MAX_EDGE a side', async () => {
    process.env.MEDIA_MAX_EDGE = '100';
    try {
      const cleaned = await clean(await photo(300, 200).jpeg().toBuffer());
      expect(cleaned.ok && [cleaned.record.width, cleaned.record.height]).toEqual([100, 67]);
    } finally {
      delete process.env.MEDIA_MAX_EDGE;
    }
  });
});

describe('a refused upload', () => {
  it('is 415 when it is not a picture, or not a kind we take', async () => {
    expect(await clean(Buffer.from('<html>not a picture</html>'))).toMatchObject({ ok: false, status: 415 });
    expect(await clean(await photo().gif().toBuffer())).toMatchObject({ ok: false, status: 415, message: expect.stringMatching(/GIF/) });
    expect(await clean(await photo().tiff().toBuffer())).toMatchObject({ ok: false, status: 415 });
  });

  it('is 400 when it is cut short', async () => {
    const whole = await photo(800, 600).jpeg().toBuffer();
    expect(await clean(whole.subarray(0, Math.floor(whole.length / 2)))).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/damaged or cut short/) });
  });

  it('is 400 when its header claims more pixels than the limit (a decompression bomb)', async () => {
    // A real 1 × 1 PNG whose header is made to say 60,000 × 60,000 (3.6 billion pixels), with a valid checksum.
    const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
    png.writeUInt32BE(60_000, 16);
    png.writeUInt32BE(60_000, 20);
    png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
    // Refused from the header: the message gives the header's size (decoding would fail otherwise).
    expect(await clean(png)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/60000 × 60000/) });

    process.env.MEDIA_MAX_PIXELS = '10000';
    expect(await clean(await photo(300, 200).jpeg().toBuffer())).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/MEDIA_MAX_PIXELS/) });
  });
});

import type { DemoImage, Rgb } from './types';

// ---- randomness and noise --------------------------------------------------------------------

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer hash to [0,1): stable per cell, used for windows, LEDs and stalls. */
export function hash2(x: number, y: number, seed: number): number {
  let h = (x * 374761393 + y * 668265263 + seed * 2246822519) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Fractal value noise sampled on a coarse grid and interpolated: cheap, smooth, deterministic. */
export function noiseField(width: number, height: number, seed: number, scale: number): (x: number, y: number) => number {
  const cell = 4;
  const gw = Math.ceil(width / cell) + 2;
  const gh = Math.ceil(height / cell) + 2;
  const grid = new Float32Array(gw * gh);
  const octaves = [1, 2, 4, 8];
  const lattices = octaves.map((o, i) => {
    const rng = mulberry32(seed * 31 + i);
    const n = Math.ceil((Math.max(width, height) / scale) * o) + 2;
    const values = new Float32Array(n * n);
    for (let k = 0; k < values.length; k += 1) values[k] = rng();
    return { n, f: o / scale, values };
  });
  const smooth = (t: number) => t * t * (3 - 2 * t);
  for (let gy = 0; gy < gh; gy += 1) {
    for (let gx = 0; gx < gw; gx += 1) {
      let v = 0;
      let amp = 0.5;
      for (const { n, f, values } of lattices) {
        const fx = gx * cell * f;
        const fy = gy * cell * f;
        const x0 = Math.floor(fx) % (n - 1);
        const y0 = Math.floor(fy) % (n - 1);
        const tx = smooth(fx - Math.floor(fx));
        const ty = smooth(fy - Math.floor(fy));
        const a = values[y0 * n + x0]!;
        const b = values[y0 * n + x0 + 1]!;
        const c = values[(y0 + 1) * n + x0]!;
        const d = values[(y0 + 1) * n + x0 + 1]!;
        v += amp * (a + (b - a) * tx + (c - a) * ty + (a - b - c + d) * tx * ty);
        amp /= 2;
      }
      grid[gy * gw + gx] = v / 0.9375;
    }
  }
  // Scenes sample at scaled coordinates (x * 3 for finer texture): wrap them onto the field.
  return (x, y) => {
    const fx = (((x % width) + width) % width) / cell;
    const fy = (((y % height) + height) % height) / cell;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const tx = fx - x0;
    const ty = fy - y0;
    const i = y0 * gw + x0;
    const a = grid[i]!;
    const b = grid[i + 1]!;
    const c = grid[i + gw]!;
    const d = grid[i + gw + 1]!;
    return a + (b - a) * tx + (c - a) * ty + (a - b - c + d) * tx * ty;
  };
}

// ---- colour helpers ----------------------------------------------------------------------------

export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
export const shade = (c: Rgb, k: number): Rgb => [c[0] * k, c[1] * k, c[2] * k];
export const clamp01 = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t);

export const skies: Record<NonNullable<DemoImage['mood']>, [Rgb, Rgb]> = {
  day: [
    [92, 146, 210],
    [206, 224, 238],
  ],
  dusk: [
    [58, 64, 122],
    [244, 170, 118],
  ],
  night: [
    [10, 14, 34],
    [44, 52, 88],
  ],
};

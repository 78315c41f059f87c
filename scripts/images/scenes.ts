import type { DemoImage, Rgb } from './types';
import { clamp01, hash2, mix, shade, skies } from './noise';

type Painter = (x: number, y: number) => Rgb;

/** Each scene returns a painter for one pixel; `n` is smooth noise in [0,1], `r` a seeded random. */
export function scenePainter(image: DemoImage, n: (x: number, y: number) => number, r: () => number): Painter {
  const { width: w, height: h, seed } = image;
  const mood = image.mood ?? 'day';
  const [skyTop, skyLow] = skies[mood];
  const sky = (x: number, y: number, horizon: number): Rgb => {
    const t = clamp01(y / horizon);
    const cloud = mood === 'night' ? 0 : clamp01((n(x * 0.6, y * 2.2) - 0.55) * 3) * 0.55;
    return mix(mix(skyTop, skyLow, t), [246, 246, 248], cloud);
  };

  switch (image.scene) {
    case 'facade': {
      const horizon = h * (0.18 + r() * 0.1);
      const left = w * (0.04 + r() * 0.1);
      const right = w * (0.9 + r() * 0.08);
      const cellW = 60 + Math.floor(r() * 50);
      const cellH = 70 + Math.floor(r() * 40);
      const frame: Rgb = mood === 'dusk' ? [120, 96, 86] : [196, 198, 202];
      const glass: Rgb = [40 + r() * 40, 70 + r() * 40, 96 + r() * 50];
      return (x, y) => {
        if (y < horizon || x < left || x > right) return sky(x, y, h);
        const cx = Math.floor((x - left) / cellW);
        const cy = Math.floor((y - horizon) / cellH);
        const fx = ((x - left) % cellW) / cellW;
        const fy = ((y - horizon) % cellH) / cellH;
        const lit = hash2(cx, cy, seed);
        if (fx < 0.12 || fy < 0.14) return shade(frame, 0.85 + n(x, y) * 0.3);
        const reflection = mix(glass, skyLow, clamp01(1 - fy) * 0.35 + (mood === 'dusk' && lit > 0.7 ? 0.4 : 0));
        return shade(reflection, 0.75 + lit * 0.35 + n(x * 3, y * 3) * 0.2);
      };
    }
    case 'skyline': {
      const horizon = h * (0.55 + r() * 0.12);
      const bands: { x: number; top: number }[] = [];
      for (let x = 0; x < w;) {
        const bw = 40 + r() * 140;
        bands.push({ x, top: horizon - (0.08 + r() * 0.4) * h });
        x += bw;
      }
      const water = r() > 0.5;
      return (x, y) => {
        let band = bands[0]!;
        for (const b of bands) if (b.x <= x) band = b;
        if (y < band.top) return sky(x, y, horizon);
        if (y < horizon) {
          const wx = Math.floor(x / 18);
          const wy = Math.floor(y / 24);
          const lit = hash2(wx, wy, seed) > (mood === 'day' ? 0.92 : 0.55);
          const base: Rgb = mood === 'day' ? [130, 124, 120] : [34, 36, 52];
          if (lit && x % 18 > 5 && y % 24 > 8) return mood === 'day' ? [188, 206, 220] : [250, 208, 120];
          return shade(base, 0.8 + n(x, y) * 0.4);
        }
        if (water) {
          const mirror = sky(x, 2 * horizon - y, horizon);
          return shade(mix(mirror, [30, 60, 80], 0.45), 0.8 + n(x * 0.3, y * 4) * 0.3);
        }
        return shade([92, 88, 84], 0.7 + n(x, y) * 0.5);
      };
    }
    case 'coast': {
      const horizon = h * (0.38 + r() * 0.12);
      const shore = h * (0.72 + r() * 0.1);
      const sea: Rgb = [24 + r() * 20, 92 + r() * 30, 130 + r() * 30];
      const sand: Rgb = [214, 190, 150];
      const boats = Array.from({ length: 3 + Math.floor(r() * 5) }, () => ({
        x: r() * w,
        y: horizon + r() * (shore - horizon),
        s: 20 + r() * 50,
        c: [r() * 255, r() * 200, 60 + r() * 120] as Rgb,
      }));
      return (x, y) => {
        if (y < horizon) return sky(x, y, horizon);
        const edge = shore + (n(x * 0.5, 0) - 0.5) * h * 0.08;
        for (const b of boats) {
          if (Math.abs(x - b.x) < b.s * 2 && y > b.y - b.s * 0.4 && y < b.y && Math.abs(x - b.x) < b.s * 2 - (b.y - y) * 1.5)
            return shade(b.c, 0.8 + n(x, y) * 0.3);
        }
        if (y < edge) {
          const depth = (y - horizon) / (edge - horizon);
          const wave = n(x * 0.25, y * 3) * 0.35;
          return shade(mix(sea, [150, 200, 210], depth * 0.5 + wave * 0.4), 0.85 + wave);
        }
        return shade(sand, 0.82 + n(x * 2, y * 2) * 0.3);
      };
    }
    case 'desert': {
      const horizon = h * (0.42 + r() * 0.1);
      const dunes = [0, 1, 2].map((i) => ({ base: horizon + i * h * 0.14, amp: h * (0.05 + r() * 0.06), freq: 0.002 + r() * 0.004, phase: r() * 10 }));
      const sand: Rgb = mood === 'dusk' ? [214, 150, 104] : [222, 186, 132];
      const panels = image.seed % 2 === 1;
      return (x, y) => {
        if (y < horizon) return sky(x, y, horizon);
        for (let i = dunes.length - 1; i >= 0; i -= 1) {
          const d = dunes[i]!;
          const top = d.base - d.amp * Math.sin(x * d.freq + d.phase);
          if (y >= top) {
            if (panels && i === dunes.length - 1 && y > top + h * 0.05) {
              const row = Math.floor((y - top) / 46);
              const inPanel = (y - top) % 46 < 30 && x % 130 > 12;
              if (inPanel && row < 8) return shade([28, 44, 86], 0.8 + n(x, y) * 0.4 + (x % 130 < 24 ? 0.3 : 0));
            }
            const slope = Math.cos(x * d.freq + d.phase);
            return shade(sand, 0.75 + slope * 0.12 + i * 0.06 + n(x, y) * 0.2);
          }
        }
        return shade(sand, 0.7 + n(x, y) * 0.3);
      };
    }
    case 'hills':
    case 'fields': {
      const horizon = h * (0.3 + r() * 0.15);
      const greens: Rgb[] = [
        [70, 110, 60],
        [104, 140, 70],
        [150, 160, 80],
        [200, 180, 60],
      ];
      const layers = [0, 1, 2].map((i) => ({
        base: horizon + i * h * 0.16,
        amp: h * (0.04 + r() * 0.08),
        freq: 0.0015 + r() * 0.003,
        phase: r() * 6,
        c: greens[(i + Math.floor(r() * 4)) % 4]!,
      }));
      const rowsAngle = 0.2 + r() * 0.5;
      return (x, y) => {
        if (y < horizon - h * 0.1) return sky(x, y, horizon);
        for (let i = layers.length - 1; i >= 0; i -= 1) {
          const l = layers[i]!;
          const top = l.base - l.amp * Math.sin(x * l.freq + l.phase) - h * 0.1;
          if (y >= top) {
            const stripes = image.scene === 'fields' ? 0.12 * Math.sin((x + y * rowsAngle) * 0.08 * (1 + i)) : 0;
            return shade(l.c, 0.7 + n(x, y) * 0.4 + stripes + i * 0.05);
          }
        }
        return sky(x, y, horizon);
      };
    }
    case 'servers': {
      const rackW = 160 + r() * 80;
      const glow: Rgb = mood === 'night' ? [40, 90, 200] : [200, 170, 120];
      return (x, y) => {
        const rack = Math.floor(x / rackW);
        const fx = (x % rackW) / rackW;
        const top = h * 0.08;
        const floor = h * 0.9;
        if (y > floor) return shade([40, 42, 48], 0.6 + n(x, y) * 0.5);
        if (fx < 0.08 || y < top) return shade(mix([14, 16, 22], glow, 0.2 * (1 - y / h)), 0.8 + n(x, y) * 0.4);
        const unit = Math.floor((y - top) / 22);
        const fy = ((y - top) % 22) / 22;
        if (fy < 0.12) return [20, 22, 28];
        const led = hash2(rack, unit, seed);
        if (fx > 0.8 && fx < 0.84 && fy > 0.35 && fy < 0.65 && led > 0.4) return led > 0.8 ? [255, 120, 60] : [90, 255, 140];
        return shade([48, 52, 62], 0.7 + n(x * 2, y * 2) * 0.3 + (hash2(rack, unit + 99, seed) > 0.6 ? 0.2 : 0));
      };
    }
    case 'rails': {
      const vx = w * (0.35 + r() * 0.3);
      const horizon = h * (0.38 + r() * 0.1);
      const ground: Rgb = mood === 'night' ? [40, 38, 44] : [110, 100, 92];
      return (x, y) => {
        if (y < horizon) {
          if (mood === 'night') return shade(mix([18, 20, 30], [70, 64, 60], y / horizon), 0.8 + n(x, y) * 0.4);
          return sky(x, y, horizon);
        }
        const depth = (y - horizon) / (h - horizon);
        const spread = depth * w * 0.9;
        const u = (x - vx) / Math.max(spread, 1);
        for (const rail of [-0.28, -0.22, 0.22, 0.28]) if (Math.abs(u - rail) < 0.008 + 0.004 / (depth + 0.05)) return [190, 190, 196];
        const sleeper = Math.abs(u) < 0.34 && Math.sin((1 / (depth + 0.02)) * 6) > 0.6;
        if (sleeper) return shade([90, 70, 52], 0.8 + n(x, y) * 0.4);
        if (Math.abs(u) > 0.55 && Math.abs(u) < 0.9) return shade([150, 150, 146], 0.7 + n(x * 2, y * 2) * 0.4);
        return shade(ground, 0.7 + n(x * 2, y * 2) * 0.5);
      };
    }
    case 'crowd': {
      const lights = Array.from({ length: 60 }, () => ({
        x: r() * w,
        y: r() * h * 0.6,
        s: 20 + r() * 70,
        c: [200 + r() * 55, 120 + r() * 120, 60 + r() * 120] as Rgb,
      }));
      const heads = Array.from({ length: 70 }, () => ({ x: r() * w, y: h * (0.55 + r() * 0.45), s: 28 + r() * 46 }));
      heads.sort((a, b) => a.y - b.y);
      const bg: Rgb = mood === 'night' ? [20, 16, 26] : [120, 116, 110];
      return (x, y) => {
        for (let i = heads.length - 1; i >= 0; i -= 1) {
          const hd = heads[i]!;
          const dx = x - hd.x;
          const dy = y - hd.y;
          if (dx * dx + dy * dy < hd.s * hd.s || (dy > 0 && Math.abs(dx) < hd.s * 1.7 - dy * 0.2)) {
            return shade([46 + (i % 5) * 14, 40 + (i % 3) * 12, 38 + (i % 7) * 8], 0.7 + n(x, y) * 0.5);
          }
        }
        let c = shade(bg, 0.8 + n(x, y) * 0.4);
        for (const l of lights) {
          const d = Math.hypot(x - l.x, y - l.y) / l.s;
          if (d < 1) c = mix(c, l.c, (1 - d * d) * 0.6);
        }
        return c;
      };
    }
    case 'market': {
      const awning = h * (0.2 + r() * 0.15);
      const stripeW = 30 + r() * 40;
      const colors: Rgb[] = [
        [200, 50, 44],
        [240, 230, 210],
        [40, 110, 160],
        [230, 170, 40],
        [60, 140, 80],
      ];
      const a = colors[Math.floor(r() * 5)]!;
      const b = colors[Math.floor(r() * 5)]!;
      return (x, y) => {
        const scallop = awning + Math.abs(Math.sin((x / stripeW) * Math.PI)) * 18;
        if (y < scallop) return shade(Math.floor(x / stripeW) % 2 ? a : b, 0.75 + n(x, y) * 0.3 + (y / awning) * 0.1);
        const cx = Math.floor(x / 70);
        const cy = Math.floor(y / 60);
        const crate = hash2(cx, cy, seed);
        if (y > h * 0.55) {
          const produce = colors[Math.floor(crate * 5)]!;
          const blob = n(x * 4, y * 4);
          return shade(produce, 0.55 + blob * 0.6);
        }
        return shade([70, 60, 52], 0.6 + n(x, y) * 0.6);
      };
    }
    case 'glacier': {
      const horizon = h * (0.55 + r() * 0.1);
      const peaks = Array.from({ length: 5 }, () => ({ x: r() * w, hgt: h * (0.25 + r() * 0.3), s: w * (0.15 + r() * 0.2) }));
      return (x, y) => {
        let ridge = horizon;
        for (const p of peaks) ridge = Math.min(ridge, horizon - p.hgt * Math.max(0, 1 - Math.abs(x - p.x) / p.s));
        ridge += (n(x * 1.5, 0) - 0.5) * 40;
        if (y < ridge) return sky(x, y, horizon);
        const snowLine = ridge + (horizon - ridge) * 0.45 + (n(x, y) - 0.5) * 60;
        if (y < snowLine) return shade([236, 240, 246], 0.82 + n(x * 2, y * 2) * 0.2);
        if (y < horizon + h * 0.15) return shade(mix([120, 170, 200], [210, 230, 240], n(x, y)), 0.85 + n(x * 3, y) * 0.15);
        return shade([96, 92, 88], 0.65 + n(x * 2, y * 2) * 0.5);
      };
    }
  }
}

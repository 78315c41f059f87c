/**
 * Crops of a story's main picture in the shapes search engines ask for (16:9, 4:3, 1:1), served
 * by app/media/crop/[ratio]/[...src]/route.ts. A crop is the largest of its shape that fits in
 * the source, never enlarged: at least 1200 px wide where the source allows.
 */

export const cropRatios = { '16x9': 16 / 9, '4x3': 4 / 3, '1x1': 1 } as const;
export type CropRatio = keyof typeof cropRatios;

export function isCropRatio(value: string): value is CropRatio {
  return Object.hasOwn(cropRatios, value);
}

export function cropSize(source: { width: number; height: number }, ratio: CropRatio): { width: number; height: number } {
  const r = cropRatios[ratio];
  const width = Math.min(source.width, Math.floor(source.height * r));
  return { width, height: Math.round(width / r) };
}

/** A demo picture's recipe (scripts/generate-images.ts). */
export type Rgb = [number, number, number];
type Scene = 'facade' | 'skyline' | 'coast' | 'desert' | 'hills' | 'servers' | 'rails' | 'crowd' | 'market' | 'glacier' | 'fields';

export type DemoImage = { file: string; width: number; height: number; scene: Scene; seed: number; mood?: 'day' | 'dusk' | 'night' };

/** Every picture the demo content uses. Sizes vary on purpose: 16:9, 3:2, 4:3, 1:1 and 4:5. */

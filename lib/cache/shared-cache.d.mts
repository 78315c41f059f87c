/** A cache shared by every instance through Redis (shared-cache.mjs). */
export type SharedCache = {
  readonly ready: boolean;
  get(key: string): Promise<unknown>;
  set(key: string, entry: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  ping(): Promise<string>;
  close(): Promise<void>;
};

export declare function createSharedCache(url: string, namespace: string): SharedCache;
export declare function serialize(entry: unknown): string;
export declare function deserialize(text: string): unknown;

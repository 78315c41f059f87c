import { z } from 'zod';
import { type LiveUpdateEntry } from './stories';

/** `GET /api/v1/articles/{id}/updates?after=&limit=`: a live story's updates, newest first. */

export const LiveUpdatesQuerySchema = z.object({
  after: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,99}$/, 'must be the id of an update')
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number from 1 to 100')
    .transform(Number)
    .refine((n) => n >= 1, 'must be a whole number from 1 to 100')
    .transform((n) => Math.min(n, 100))
    .default(20),
});

export type LiveUpdatesQuery = z.output<typeof LiveUpdatesQuerySchema>;

export const articleIdPattern = /^[a-z0-9][a-z0-9-]{2,79}$/;

export type LiveUpdateItem = Omit<LiveUpdateEntry, 'articleId'>;
export type LiveUpdatesResponse = { items: LiveUpdateItem[] };

export function toUpdateItem({ articleId: _articleId, ...update }: LiveUpdateEntry): LiveUpdateItem {
  return update;
}

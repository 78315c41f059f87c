import { z } from 'zod';
import { isoInstant, storyId, text } from './article-schema';

/**
 * What editors decide about a front (decision 019): the story that leads it and the order of
 * its top stories, until an optional time; and an edition's breaking-news banner. The API's
 * bodies are validated here; which stories exist and may be placed is the store's to say.
 */

/** Top stories a front shows when editors name fewer (recency fills the rest), and the most they may name. */
export const frontSlots = { home: 4, section: 2, maxTop: 8 } as const;

/** How far ahead an editor's choice may be set to end: further is a typing mistake. */
const maxUntilMs = 366 * 24 * 60 * 60 * 1000;

/** `until`: when the editors' choice ends; it must lie ahead (a few seconds of clock difference aside) and within a year. */
const until = isoInstant.superRefine((value, ctx) => {
  const ts = Date.parse(value);
  if (ts <= Date.now()) ctx.addIssue({ code: 'custom', message: 'must be ahead of now: the time the choice ends' });
  else if (ts > Date.now() + maxUntilMs) ctx.addIssue({ code: 'custom', message: 'must be within a year' });
});

/** `PUT /api/v1/fronts/{edition}[/{section}]`: `{ lead, top, until? }`. */
export const FrontChoiceSchema = z
  .object({
    lead: storyId.nullable().default(null),
    top: z.array(storyId).max(frontSlots.maxTop, `names at most ${frontSlots.maxTop} stories`).default([]),
    until: until.optional(),
  })
  .strict()
  .superRefine((choice, ctx) => {
    if (!choice.lead && choice.top.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['lead'], message: 'name a lead story or top stories; DELETE returns the front to recency' });
    }
    const seen = new Set<string>(choice.lead ? [choice.lead] : []);
    choice.top.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['top', index], message: `story "${id}" is already placed on this front` });
      seen.add(id);
    });
  });

/** `PUT /api/v1/breaking/{edition}`: `{ text, storyId?, until? }`. */
export const BreakingNewsSchema = z
  .object({
    text: text(200),
    storyId: storyId.optional(),
    until: until.optional(),
  })
  .strict();

/** An editors' choice as the store keeps it. */
export type StoredFront = { lead: string | null; top: string[]; untilTs: number | null; setTs: number };

/** A breaking-news banner as the store keeps it. */
export type StoredBreakingNews = { text: string; storyId: string | null; untilTs: number | null; setTs: number };

/**
 * A front's opening: the editors' lead and top stories where they chose them (those still
 * published), then the newest stories for what they left open, each story once.
 * `chosen` holds the chosen stories that are still there; `latest` is newest first.
 */
export function arrangeFront<T extends { id: string }>(
  choice: { lead: string | null; top: string[] } | null,
  chosen: T[],
  latest: T[],
  topSlots: number,
): { lead: T | undefined; top: T[] } {
  const byId = new Map(chosen.map((story) => [story.id, story]));
  const pickedLead = choice?.lead ? byId.get(choice.lead) : undefined;
  const pickedTop = (choice?.top ?? []).map((id) => byId.get(id)).filter((story): story is T => story !== undefined && story.id !== pickedLead?.id);
  const placed = new Set([pickedLead, ...pickedTop].filter(Boolean).map((story) => story!.id));
  const rest = latest.filter((story) => !placed.has(story.id));
  const lead = pickedLead ?? rest.shift();
  const top = [...pickedTop, ...rest.slice(0, Math.max(0, topSlots - pickedTop.length))];
  return { lead, top };
}

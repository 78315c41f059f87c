import { z } from 'zod';
import { refusedCharacterMessage } from './text-rules';

/** Text of a story (and of anything else editors write): trimmed where asked, bounded, and free of the characters text-rules.ts refuses. */
export const text = (max: number, options: { trim?: boolean; emptyMessage?: string } = {}) => {
  const base = options.trim === false ? z.string() : z.string().trim();
  return base
    .min(1, options.emptyMessage)
    .max(max)
    .superRefine((value, ctx) => {
      const message = refusedCharacterMessage(value);
      if (message) ctx.addIssue({ code: 'custom', message });
    });
};

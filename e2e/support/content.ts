import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Imports a story into the store the e2e server reads, through the real command editors use.
 * Stories imported by tests go into the Environment section with their own ids, so the other
 * tests' expectations about Europe and the demo stories hold.
 */
export function importStory(markdown: string, besideIt: Record<string, Buffer> = {}): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-story-'));
  const file = path.join(dir, 'story.md');
  fs.writeFileSync(file, markdown);
  // Files beside the story: pictures it names by a relative path.
  for (const [name, bytes] of Object.entries(besideIt)) fs.writeFileSync(path.join(dir, name), bytes);
  const result = spawnSync('npx', ['tsx', 'scripts/content-import.ts', file], {
    env: { ...process.env, DATABASE_PATH: process.env.E2E_DATABASE_PATH ?? '.data/e2e.sqlite' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export function storyFile(fields: Record<string, string>, body: string): string {
  const frontMatter = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${frontMatter}\n---\n\n${body}\n`;
}

export const testStoryImage =
  '{ src: /images/demo/beach-clean-up.jpg, alt: A sandy beach by a calm sea, caption: A beach., credit: "Hannah Price, Northlight Images" }';

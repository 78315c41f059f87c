// @ts-check
/**
 * The standalone output's part of what we assume of Next's formats (next-formats.mjs): checked
 * by each server process as it starts (lib/server/main.mjs). Apart from next-formats.mjs, which
 * Next's bundles import, so that they carry no filesystem code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { recordAssumption } from './next-formats.mjs';

/**
 * Checks the standalone output a server process runs from.
 * @param {string} dir the standalone folder (where .next/ is)
 * @param {{ error(fields: object, message: string): void }} log
 */
export function checkStandalone(dir, log) {
  const missing = ['.next/required-server-files.json', '.next/static', 'public', 'node_modules/next/package.json'].filter(
    (file) => !fs.existsSync(path.join(dir, file)),
  );
  let config = false;
  try {
    config = typeof JSON.parse(fs.readFileSync(path.join(dir, '.next/required-server-files.json'), 'utf8')).config === 'object';
  } catch {
    // reported below
  }
  if (!config && !missing.includes('.next/required-server-files.json')) missing.push('config in .next/required-server-files.json');
  recordAssumption('standalone', missing.length === 0, `missing: ${missing.join(', ')}`, log);
}

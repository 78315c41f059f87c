import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/fixtures';
import { unregister } from '../runtime/process-state.mjs';
import { assumptionReport, assumptionsHold, checkStoredPage, pathnameOfKey } from './next-formats.mjs';
import { checkStandalone } from './next-standalone.mjs';

/** A log that keeps what it was told. */
function recordingLog() {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  return { lines, error: (fields: object, message: string) => lines.push({ fields: fields as Record<string, unknown>, message }) };
}

const key = '/route-cache/APP_PAGE/build/$/en/story';
const page = { kind: 'APP_PAGE', html: '<html><body><p>story</p></body></html>', headers: { 'x-next-cache-tags': 'story:one' }, status: 200 };

afterEach(() => unregister('nextAssumptions'));

describe('assumptions about Next’s private formats', () => {
  it('hold for a page stored as Next stores one today, and say which were checked', () => {
    const log = recordingLog();
    checkStoredPage(key, page, true, log);
    expect(assumptionsHold()).toBe(true);
    expect(assumptionReport()).toEqual({ ok: true, checked: ['pageEntry', 'cacheTags', 'bootstrapTags'], failed: [] });
    expect(log.lines).toEqual([]);
    expect(pathnameOfKey(key)).toBe('/en/story');
  });

  it('fail, once and by name, when a page comes in another shape, and stay failed', () => {
    const log = recordingLog();
    checkStoredPage('/route-cache/APP_PAGE/build/en/story', page, true, log);
    checkStoredPage('/route-cache/APP_PAGE/build/en/story', page, true, log);
    checkStoredPage(key, page, true, log);
    expect(assumptionsHold()).toBe(false);
    expect(assumptionReport()).toMatchObject({ ok: false, failed: [{ assumption: 'pageEntry' }] });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]!.fields).toMatchObject({ assumption: 'pageEntry' });
    expect(log.lines[0]!.message).toContain('no longer holds (pageEntry)');
  });

  it('fail when a page carries no tags, or React’s script tags were not found', () => {
    checkStoredPage(key, { ...page, headers: {} }, true, recordingLog());
    checkStoredPage(key, page, false, recordingLog());
    expect(assumptionReport().failed.map((f) => f.assumption)).toEqual(['cacheTags', 'bootstrapTags']);
  });

  it('do not ask for script tags on a page that is not answered 200', () => {
    checkStoredPage(key, { ...page, status: 404 }, false, recordingLog());
    expect(assumptionsHold()).toBe(true);
  });

  it('check the standalone output, naming what is missing', () => {
    const dir = makeTempDir('newsroom-standalone-');
    const log = recordingLog();
    checkStandalone(dir, log);
    expect(assumptionReport().failed).toEqual([
      { assumption: 'standalone', detail: 'missing: .next/required-server-files.json, .next/static, public, node_modules/next/package.json' },
    ]);
    unregister('nextAssumptions');
    for (const folder of ['.next/static', 'public', 'node_modules/next']) fs.mkdirSync(path.join(dir, folder), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules/next/package.json'), '{}');
    fs.writeFileSync(path.join(dir, '.next/required-server-files.json'), JSON.stringify({ version: 1 }));
    checkStandalone(dir, log);
    expect(assumptionReport().failed).toEqual([{ assumption: 'standalone', detail: 'missing: config in .next/required-server-files.json' }]);
    unregister('nextAssumptions');
    fs.writeFileSync(path.join(dir, '.next/required-server-files.json'), JSON.stringify({ version: 1, config: {} }));
    checkStandalone(dir, log);
    expect(assumptionsHold()).toBe(true);
  });
});

import { z } from 'zod';
import { articlePath } from '../domain/urls';
import { articleIdPattern } from '../domain/live-updates-contract';
import { text } from '../domain/text-field';
import { getStore, type Db } from '../store/database';
import { listStoryVersions, redactVersion, type StoryVersion } from '../store/story-versions';
import { listStoryViewHours } from '../store/story-views';
import { mostReadWindowMs } from '../domain/most-read';
import { apiError, fieldIssues, jsonResponse } from './responses';
import { readJsonBody, refuseUnlessAuthorised } from './publish-auth';
import { privateNoStore } from '../cache/cache-control';

/**
 * The newsroom's view of a story (issue 32, decision 027): every version, public or not, with
 * its text unless it was redacted; the redaction of one for a legal reason; and how many read
 * it, hour by hour. All take the publishing token and are never cached.
 */

const noSuchStory = (id: string) => apiError(404, `No story "${id.slice(0, 100)}"`, [{ parameter: 'id', message: 'no such story' }]);

/** A version as the API gives it: the story as the API takes it, without its live updates (they are not versioned). */
function versionBody(version: StoryVersion, current: boolean) {
  const story = version.article ? (({ updates: _updates, ...rest }) => rest)(version.article) : null;
  return {
    n: version.n,
    at: version.at,
    status: version.status,
    public: version.isPublic,
    current,
    ...(version.redaction ? { redaction: version.redaction } : {}),
    story,
  };
}

async function authorised(request: Request, id: string): Promise<{ db: Db } | Response> {
  const { db } = await getStore();
  const refused = await refuseUnlessAuthorised(request, db);
  if (refused) return refused;
  if (!articleIdPattern.test(id)) return noSuchStory(id);
  return { db };
}

/** GET /api/v1/articles/{id}/versions: oldest first, the current version last. */
export async function readVersions(request: Request, id: string): Promise<Response> {
  const access = await authorised(request, id);
  if (access instanceof Response) return access;
  const versions = await listStoryVersions(access.db, id, { publicOnly: false });
  if (!versions) return noSuchStory(id);
  const current = versions.at(-1)!;
  return jsonResponse(
    { id, path: articlePath(current.article!), versions: versions.map((v) => versionBody(v, v === current)) },
    { headers: { 'Cache-Control': privateNoStore } },
  );
}

const RedactionSchema = z.object({ reason: text(500, { emptyMessage: 'must say why the version is redacted' }) }).strict();

/** POST /api/v1/articles/{id}/versions/{n}/redaction `{ reason }`. */
export async function redactStoryVersion(request: Request, id: string, n: string): Promise<Response> {
  const access = await authorised(request, id);
  if (access instanceof Response) return access;
  const number = /^[1-9]\d{0,8}$/.test(n) ? Number(n) : null;
  if (number === null) return apiError(404, `No version "${n.slice(0, 20)}" of story "${id}"`, [{ parameter: 'n', message: 'no such version' }]);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = RedactionSchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, 'The redaction is not valid', fieldIssues(parsed.error));
  const outcome = await redactVersion(access.db, id, number, parsed.data.reason);
  switch (outcome.kind) {
    case 'missing':
      return apiError(404, `No version ${number} of story "${id}"`, [{ parameter: 'n', message: 'no such version' }]);
    case 'current':
      return apiError(409, `Version ${number} is the story as it stands: publish a version without the words first, then redact this one`, [
        { parameter: 'n', message: 'is the current version' },
      ]);
    case 'redacted':
      return jsonResponse(versionBody(outcome.version, false), { headers: { 'Cache-Control': privateNoStore } });
  }
}

/** How far back editors' view counts go. */
const viewsWindowMs = 30 * 24 * 3_600_000;

/** GET /api/v1/articles/{id}/views: the story's views per UTC hour over the last 30 days, and its last 24 hours. */
export async function readViews(request: Request, id: string): Promise<Response> {
  const access = await authorised(request, id);
  if (access instanceof Response) return access;
  const now = Date.now();
  const hours = await listStoryViewHours(access.db, id, now - viewsWindowMs);
  if (!hours) return noSuchStory(id);
  const dayAgo = now - mostReadWindowMs;
  return jsonResponse(
    {
      id,
      last24Hours: hours.filter((h) => h.hourTs >= dayAgo).reduce((sum, h) => sum + h.views, 0),
      total: hours.reduce((sum, h) => sum + h.views, 0),
      hours: hours.map((h) => ({ hour: new Date(h.hourTs).toISOString().replace(/\.\d{3}Z$/, 'Z'), views: h.views })),
    },
    { headers: { 'Cache-Control': privateNoStore } },
  );
}

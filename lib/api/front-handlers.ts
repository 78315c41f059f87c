import { BreakingNewsSchema, FrontChoiceSchema, type StoredFront } from '../domain/fronts';
import { editionIds, getEdition, isEditionId, type EditionId } from '../domain/editions';
import { typeset } from '../domain/typography';
import { getStore, type Db } from '../store/database';
import { sectionExists } from '../store/sections';
import {
  clearBreakingNews,
  clearFront,
  publishedStoriesAmong,
  readBreakingNews,
  readFront,
  saveBreakingNews,
  saveFront,
  storyStandings,
} from '../store/fronts';
import { privateNoStore } from '../cache/cache-control';
import { registered } from '../runtime/process-state.mjs';
import { readJsonBody, refuseUnlessAuthorised } from './publish-auth';
import { apiError, fieldIssues, jsonResponse, type ApiIssue } from './responses';

/**
 * What editors set beyond stories, through the publishing API with its token (decision 019):
 * `GET`, `PUT` and `DELETE /api/v1/fronts/{edition}[/{section}]` and `/api/v1/breaking/{edition}`.
 * Every answer is the state as the store now holds it; nothing is ever cached.
 */

type Place = { edition: EditionId; section?: string };

const noStore = { 'Cache-Control': privateNoStore };

/** The token, then the edition and section the address names: the place when the request may go on, else the answer. */
async function refuseUnlessPlace(request: Request, db: Db, edition: string, section?: string): Promise<Response | Place> {
  const refused = await refuseUnlessAuthorised(request, db);
  if (refused) return refused;
  if (!isEditionId(edition))
    return apiError(404, `No edition "${edition.slice(0, 40)}"`, [{ parameter: 'edition', message: `must be one of: ${editionIds.join(', ')}` }]);
  if (section !== undefined && !(await sectionExists(db, edition, section)))
    return apiError(404, `No section "${section.slice(0, 80)}" in edition "${edition}"`, [{ parameter: 'section', message: 'no such section' }]);
  return { edition, section };
}

/** Why each named story cannot be placed on a front of this edition (none: all can). */
async function placementIssues(db: Db, edition: EditionId, named: { field: string; id: string }[]): Promise<ApiIssue[]> {
  const standings = await storyStandings(
    db,
    named.map((n) => n.id),
  );
  const issues: ApiIssue[] = [];
  for (const { field, id } of named) {
    const story = standings.get(id);
    const problem = !story
      ? `no story "${id}"`
      : story.edition !== edition
        ? `story "${id}" is in edition "${story.edition}", not "${edition}"`
        : story.status === 'withdrawn'
          ? `story "${id}" is withdrawn`
          : story.status !== 'published'
            ? `story "${id}" is not published (it is ${story.status})`
            : undefined;
    if (problem) issues.push({ field, message: problem });
  }
  return issues;
}

/** A front as an editor reads it back: the ids, and where each chosen story is now (those no longer published are listed apart: they do not show). */
async function frontAnswer(db: Db, { edition, section }: Place, front: StoredFront | undefined): Promise<Record<string, unknown>> {
  const ids = front ? [front.lead, ...front.top].filter((id): id is string => id !== null) : [];
  const shown = new Map((await publishedStoriesAmong(db, edition, ids)).map((story) => [story.id, story]));
  return {
    edition,
    section: section ?? null,
    lead: front?.lead ?? null,
    top: front?.top ?? [],
    until: front?.untilTs ? new Date(front.untilTs).toISOString() : null,
    setAt: front ? new Date(front.setTs).toISOString() : null,
    stories: ids.filter((id) => shown.has(id)).map((id) => ({ id, path: shown.get(id)!.path, headline: shown.get(id)!.headline })),
    notShown: ids.filter((id) => !shown.has(id)),
  };
}

export async function handleFront(request: Request, params: { edition: string; section?: string }): Promise<Response> {
  const { db } = await getStore();
  const place = await refuseUnlessPlace(request, db, params.edition, params.section);
  if (place instanceof Response) return place;
  const { edition, section } = place;
  if (request.method === 'GET') return jsonResponse(await frontAnswer(db, place, await readFront(db, edition, section)), { headers: noStore });
  if (request.method === 'DELETE') {
    await clearFront(db, edition, section);
    return jsonResponse(await frontAnswer(db, place, undefined), { headers: noStore });
  }
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = FrontChoiceSchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, 'The front is not valid', fieldIssues(parsed.error));
  const choice = parsed.data;
  const named = [...(choice.lead ? [{ field: 'lead', id: choice.lead }] : []), ...choice.top.map((id, index) => ({ field: `top.${index}`, id }))];
  const issues = await placementIssues(db, edition, named);
  if (issues.length) return apiError(400, 'These stories cannot be placed on this front', issues);
  const untilTs = choice.until ? Date.parse(choice.until) : null;
  await saveFront(db, edition, section, { lead: choice.lead, top: choice.top, untilTs });
  if (untilTs) registered('schedule')?.wake();
  return jsonResponse(await frontAnswer(db, place, await readFront(db, edition, section)), { headers: noStore });
}

async function breakingAnswer(db: Db, edition: EditionId): Promise<Record<string, unknown>> {
  const news = await readBreakingNews(db, edition);
  const [story] = news?.storyId ? await publishedStoriesAmong(db, edition, [news.storyId]) : [];
  return {
    edition,
    text: news?.text ?? null,
    storyId: news?.storyId ?? null,
    path: story?.path ?? null,
    until: news?.untilTs ? new Date(news.untilTs).toISOString() : null,
    setAt: news ? new Date(news.setTs).toISOString() : null,
  };
}

export async function handleBreakingNews(request: Request, params: { edition: string }): Promise<Response> {
  const { db } = await getStore();
  const place = await refuseUnlessPlace(request, db, params.edition);
  if (place instanceof Response) return place;
  const { edition } = place;
  if (request.method === 'GET') return jsonResponse(await breakingAnswer(db, edition), { headers: noStore });
  if (request.method === 'DELETE') {
    await clearBreakingNews(db, edition);
    return jsonResponse(await breakingAnswer(db, edition), { headers: noStore });
  }
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = BreakingNewsSchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, 'The banner is not valid', fieldIssues(parsed.error));
  const news = parsed.data;
  if (news.storyId) {
    const issues = await placementIssues(db, edition, [{ field: 'storyId', id: news.storyId }]);
    if (issues.length) return apiError(400, 'The banner cannot link to this story', issues);
  }
  const untilTs = news.until ? Date.parse(news.until) : null;
  await saveBreakingNews(db, edition, { text: typeset(news.text, getEdition(edition).lang), storyId: news.storyId ?? null, untilTs });
  if (untilTs) registered('schedule')?.wake();
  return jsonResponse(await breakingAnswer(db, edition), { headers: noStore });
}

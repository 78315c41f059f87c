// @ts-check
/**
 * The read beacon (issue 32, decision 027): `POST /api/v1/views/{story id}`, sent by a story's
 * page once it has been visible for a few seconds. Answered here, in the front, before Next:
 * 204 whatever happens, so that it tells a client nothing, and cheap enough for thousands a
 * second. A view is handed to the process's view counter (lib/data/view-counter.ts), which
 * hashes the reader and writes in batches; it is not counted at all when the user agent is a
 * crawler or a known bot, or when another site's page sent it (lib/http/read-beacon.mjs).
 */
import { clientAddressHeader } from '../domain/front-headers.mjs';
import { beaconCounts } from '../http/read-beacon.mjs';
import { viewBeaconPrefix } from '../domain/url-grammar.mjs';
import { registered } from '../runtime/process-state.mjs';
import { send } from './answers.mjs';

/**
 * Whether a request is the beacon; if it is, answers it.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 */
export function answerViewBeacon(req, res, path) {
  if (!path.startsWith(viewBeaconPrefix)) return false;
  if (req.method !== 'POST') {
    send(res, 405, 'text/plain; charset=utf-8', 'Send the beacon with POST', { Allow: 'POST', 'Cache-Control': 'no-store' });
    return true;
  }
  // A beacon carries no body we read: drain whatever came, without keeping it.
  req.resume();
  const id = path.slice(viewBeaconPrefix.length);
  const userAgent = req.headers['user-agent'] ?? '';
  const fetchSite = req.headers['sec-fetch-site'];
  if (beaconCounts({ storyId: id, userAgent, fetchSite: typeof fetchSite === 'string' ? fetchSite : undefined })) {
    const address = req.headers[clientAddressHeader];
    registered('views')?.record(id, typeof address === 'string' ? address : '', userAgent);
  }
  res.statusCode = 204;
  res.setHeader('Cache-Control', 'no-store');
  res.end();
  return true;
}

// IndexNow, as https://www.indexnow.org/documentation gives it: a POST of
// `{ host, key, keyLocation, urlList }` with `Content-Type: application/json; charset=utf-8` to an
// engine's /indexnow (api.indexnow.org passes it on to every participating engine), at most 10,000
// URLs a request, all on `host`. Answers: 200 received; 202 received, key validation pending; 400
// invalid format; 403 key not valid (no key file, or it does not hold the key); 422 URLs that do not
// belong to the host, or a key that does not match the protocol's schema; 429 too many requests.
import { post } from "./http.ts";
import type { BatchAnswer, Service } from "./service.ts";

export const INDEXNOW_LIMIT = 10_000;

export interface IndexNowSetup {
  endpoint: string;
  /** The site's host (with its port when it has one), as the URLs carry it. */
  host: string;
  key: string;
  /** Absolute URL of the key file the build wrote. */
  keyLocation: string;
  timeoutMs: number;
}

export function indexNowService(setup: IndexNowSetup): Service {
  return { name: "indexnow", limit: INDEXNOW_LIMIT, send: (urls) => sendIndexNow(urls, setup) };
}

async function sendIndexNow(urls: readonly string[], setup: IndexNowSetup): Promise<BatchAnswer> {
  const body = JSON.stringify({ host: setup.host, key: setup.key, keyLocation: setup.keyLocation, urlList: urls });
  const reply = await post(new URL(setup.endpoint), body, "application/json; charset=utf-8", setup.timeoutMs);
  if ("failed" in reply) return { accepted: [], error: reply.failed };
  return indexNowAnswer(reply.status, [...urls], setup);
}

/** What a status means for the batch sent (exported for its unit test). */
export function indexNowAnswer(
  status: number,
  urls: string[],
  setup: Pick<IndexNowSetup, "host" | "keyLocation">,
): BatchAnswer {
  switch (status) {
    case 200:
      return { accepted: urls };
    case 202:
      return { accepted: urls, note: "received; the engine has yet to check the key file (202)" };
    case 400:
      return { accepted: [], error: "400 Bad Request: the engine calls the request's format invalid" };
    case 403:
      return {
        accepted: [],
        error: `403 Forbidden: the key is not valid — ${setup.keyLocation} must be live and hold exactly the key (deploy the site npm run build wrote, then run again)`,
      };
    case 422:
      return {
        accepted: [],
        error: `422 Unprocessable Entity: the URLs do not belong to ${setup.host}, or the key does not match the protocol's schema (check site config url)`,
      };
    case 429:
      return {
        accepted: [],
        stop: "429 Too Many Requests: the engine asks for fewer requests; the rest waits for the next run",
      };
    default:
      return {
        accepted: [],
        error: `the engine answered ${status}, which IndexNow does not define; nothing of this batch counts as sent`,
      };
  }
}

// Local stand-ins for the two push services, on 127.0.0.1, speaking each protocol as its documentation
// gives it (the sources are quoted in src/submit/indexnow.ts and src/submit/baidu.ts), so the client is
// tested against the protocol and not against itself: each checks the method, path, query, content type
// and body, and answers with the documented status codes and bodies. Every request is kept for the test.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: string;
}

export interface LocalService {
  endpoint: string;
  requests: Received[];
  close(): Promise<void>;
}

async function serve(
  pathname: string,
  answer: (r: Received) => { status: number; body?: unknown } | null,
): Promise<LocalService> {
  const requests: Received[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const received = {
      method: req.method ?? "",
      path: url.pathname,
      query: url.searchParams,
      contentType: req.headers["content-type"] ?? "",
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(received);
    const reply = answer(received);
    if (reply === null) return; // never answers: the client's time limit must end the wait
    res.writeHead(reply.status, { "Content-Type": "application/json" });
    res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${pathname}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface IndexNowState {
  /** The site's host, as the engine knows it. */
  host: string;
  /** Reads the key file at a keyLocation as the engine would fetch it (null: 404). */
  fetchKeyFile(url: string): string | null;
  /** "ok" → 200, "pending" → 202 (key validation pending), "busy" → 429, "silent" → no answer. */
  mode: "ok" | "pending" | "busy" | "silent";
}

/** POST /indexnow, JSON { host, key, keyLocation, urlList }: 200/202, 400, 403, 422, 429 as documented. */
export function indexNowServer(state: IndexNowState): Promise<LocalService> {
  return serve("/indexnow", (r) => {
    if (state.mode === "silent") return null;
    if (r.method !== "POST" || r.path !== "/indexnow") return { status: 404 };
    if (r.contentType !== "application/json; charset=utf-8") return { status: 400 };
    let body: { host?: unknown; key?: unknown; keyLocation?: unknown; urlList?: unknown };
    try {
      body = JSON.parse(r.body);
    } catch {
      return { status: 400 };
    }
    const { host, key, keyLocation, urlList } = body;
    if (typeof host !== "string" || typeof key !== "string" || !Array.isArray(urlList) || urlList.length === 0)
      return { status: 400 };
    if (urlList.length > 10_000 || typeof keyLocation !== "string") return { status: 400 };
    if (!/^[A-Za-z0-9-]{8,128}$/.test(key)) return { status: 422 };
    if (host !== state.host || urlList.some((u) => typeof u !== "string" || new URL(u).host !== host))
      return { status: 422 };
    // The key file vouches only for URLs under its own folder, and must hold exactly the key.
    const folder = keyLocation.slice(0, keyLocation.lastIndexOf("/") + 1);
    if (new URL(keyLocation).host !== host || urlList.some((u: string) => !u.startsWith(folder)))
      return { status: 422 };
    if (state.fetchKeyFile(keyLocation) !== key) return { status: 403 };
    if (state.mode === "busy") return { status: 429 };
    return { status: state.mode === "pending" ? 202 : 200 };
  });
}

export interface BaiduState {
  /** The verified site and its push token. */
  site: string;
  token: string;
  /** URLs Baidu still takes today. */
  quota: number;
}

/** POST /urls?site=&token=, text/plain one URL a line: {remain, success, not_same_site, not_valid} or {error, message}. */
export function baiduServer(state: BaiduState): Promise<LocalService> {
  const fail = (error: number, message: string) => ({ status: error, body: { error, message } });
  return serve("/urls", (r) => {
    if (r.method !== "POST" || r.path !== "/urls") return fail(404, "not found");
    if (r.query.get("token") !== state.token) return fail(401, "token is not valid");
    if (r.query.get("site") !== state.site) return fail(400, "site error");
    if (!r.contentType.startsWith("text/plain")) return fail(400, "empty content");
    const lines = r.body.split("\n").filter((line) => line !== "");
    if (lines.length === 0) return fail(400, "empty content");
    if (lines.length > 2000) return fail(400, "only 2000 urls are allowed once");
    if (state.quota <= 0) return fail(400, "over quota");
    const siteHost = new URL(/^https?:\/\//.test(state.site) ? state.site : `http://${state.site}`).host;
    const notValid = lines.filter((u) => !URL.canParse(u) || !/^https?:$/.test(new URL(u).protocol));
    const notSameSite = lines.filter((u) => !notValid.includes(u) && new URL(u).host !== siteHost);
    const fit = lines.filter((u) => !notValid.includes(u) && !notSameSite.includes(u));
    const success = Math.min(fit.length, state.quota);
    state.quota -= success;
    return {
      status: 200,
      body: { remain: state.quota, success, not_same_site: notSameSite, not_valid: notValid },
    };
  });
}

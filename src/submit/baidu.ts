// Baidu 搜索资源平台, 普通收录 → API提交 (the help page "如何使用API推送功能"): a POST of the URLs, one a
// line, as `Content-Type: text/plain`, to `http://data.zz.baidu.com/urls?site={site}&token={token}`, where
// site is the site as verified on the platform and token its push key. 200 answers
// `{"remain":N,"success":M,"not_same_site":[…],"not_valid":[…]}` (the last two optional): M taken, N
// left today; 4xx/500 answer `{"error":code,"message":"…"}`: 400 "site error" (site not verified),
// "empty content", "only 2000 urls are allowed once", "over quota"; 401 "token is not valid"; 404 "not
// found" (a wrong address); 500 "internal error, please try later". The quota is per day, and the day
// is Beijing's.
import { z } from "zod";
import { post } from "./http.ts";
import type { BatchAnswer, Service } from "./service.ts";

export const BAIDU_LIMIT = 2_000;

export interface BaiduSetup {
  endpoint: string;
  site: string;
  token: string;
  timeoutMs: number;
}

const SUCCESS = z.object({
  remain: z.number(),
  success: z.number(),
  not_same_site: z.array(z.string()).optional(),
  not_valid: z.array(z.string()).optional(),
});
const FAILURE = z.object({ error: z.number(), message: z.string() });

export function baiduService(setup: BaiduSetup): Service {
  return { name: "baidu", limit: BAIDU_LIMIT, send: (urls) => sendBaidu(urls, setup) };
}

async function sendBaidu(urls: readonly string[], setup: BaiduSetup): Promise<BatchAnswer> {
  const endpoint = new URL(setup.endpoint);
  endpoint.searchParams.set("site", setup.site);
  endpoint.searchParams.set("token", setup.token);
  const reply = await post(endpoint, urls.join("\n"), "text/plain", setup.timeoutMs);
  // The token is in the query: messages name the endpoint without it (post() leaves the query out).
  if ("failed" in reply) return { accepted: [], error: reply.failed };
  return baiduAnswer(reply.status, reply.text, [...urls], setup.site);
}

/** What an answer means for the batch sent (exported for its unit test). */
export function baiduAnswer(status: number, text: string, urls: string[], site: string): BatchAnswer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const ok = status === 200 ? SUCCESS.safeParse(json) : null;
  if (ok?.success) {
    const { remain, success, not_same_site: otherSite = [], not_valid: invalid = [] } = ok.data;
    const refused = new Set([...otherSite, ...invalid]);
    // Baidu counts what it took, without naming it: the URLs it did not refuse, taken in the order
    // sent (a batch is never larger than the `remain` of the day's last answer, so normally all).
    const accepted = urls.filter((u) => !refused.has(u)).slice(0, Math.max(0, success));
    const answer: BatchAnswer = { accepted, remain };
    const problems = [
      otherSite.length > 0
        ? `${otherSite.length} URL(s) are not on the push site ${site} (not_same_site), e.g. ${otherSite[0]}: BAIDU_PUSH_SITE must be the site as verified on ziyuan.baidu.com, the host of site config url`
        : "",
      invalid.length > 0 ? `${invalid.length} URL(s) Baidu calls not valid (not_valid), e.g. ${invalid[0]}` : "",
    ].filter(Boolean);
    if (problems.length > 0) answer.error = problems.join("; ");
    else if (remain <= 0)
      answer.stop = "Baidu's quota for today (Beijing time) is used up; the rest waits for the next run";
    return answer;
  }
  const failure = FAILURE.safeParse(json);
  const message = failure.success ? failure.data.message : "";
  if (status === 400 && message === "over quota")
    return {
      accepted: [],
      remain: 0,
      stop: "Baidu answered over quota: today's quota (Beijing time) is used up; the rest waits for the next run",
    };
  const said = failure.success
    ? `${failure.data.error} ${message}`
    : `${status} ${text.slice(0, 120).trim() || "(no body)"}`;
  const hint =
    status === 401
      ? ": BAIDU_PUSH_TOKEN is not the push token of this site (ziyuan.baidu.com → 普通收录 → API提交)"
      : message === "site error"
        ? `: ${site} is not a site verified on ziyuan.baidu.com (BAIDU_PUSH_SITE)`
        : status === 404
          ? ": the endpoint's address is wrong"
          : status >= 500
            ? ": a passing failure on Baidu's side; run again later"
            : "";
  return { accepted: [], error: `Baidu answered ${said}${hint}` };
}

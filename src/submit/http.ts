// One POST with a time limit, answered as status and text; a refused connection, a timeout or a reset
// is a sentence naming the endpoint, never an exception the caller has to take apart.
export type Reply = { status: number; text: string } | { failed: string };

export async function post(url: URL, body: string, contentType: string, timeoutMs: number): Promise<Reply> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": contentType },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === "TimeoutError"
        ? `no answer within ${timeoutMs / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { failed: `could not reach ${url.origin}${url.pathname} (${why})` };
  }
}

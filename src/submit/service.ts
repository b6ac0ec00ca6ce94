// What a run asks of each service, and what one request's answer means to the run.
export interface BatchAnswer {
  /** URLs the service took, in the order sent: these are recorded. */
  accepted: string[];
  /** The service's own count of what it may still take today (Baidu's `remain`), when it says. */
  remain?: number;
  /** Stop here and keep the rest for the next run, without calling it a failure: a quota, a rate limit. */
  stop?: string;
  /** Stop here: something is wrong that a rerun will not fix by itself (the run exits non-zero). */
  error?: string;
  /** Said about an accepted batch ("key validation pending"). */
  note?: string;
}

export interface Service {
  name: "indexnow" | "baidu";
  /** Most URLs one request may carry. */
  limit: number;
  send(urls: readonly string[]): Promise<BatchAnswer>;
}

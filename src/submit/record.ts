// What was sent to one service, kept in `.wenku/submit/<service>.json` (outside the site, beside the
// project's other state): each URL with the fingerprint of the article it was sent for and when, and for
// Baidu the day's quota as its last answer left it. Rewritten whole, atomically, after every batch the
// service accepted, so a killed run loses no acceptance and the next run resends nothing accepted; a
// record some other run changed meanwhile stops this one rather than being overwritten.
import { promises as fs } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { WenkuError } from "../content/problems.ts";
import { fileHash, writeAtomic } from "../files/atomic-write.ts";

const RECORD = z.strictObject({
  format: z.literal(1),
  sent: z.record(z.string(), z.strictObject({ fingerprint: z.string(), sentAt: z.string() })),
  /** Baidu: by push site, the quota left on a day (Beijing time), from its last answer that day. */
  quota: z.record(z.string(), z.strictObject({ day: z.string(), remain: z.number() })).optional(),
});

export type RecordData = z.infer<typeof RECORD>;

export class SubmitRecord {
  readonly file: string;
  data: RecordData;
  /** The fileHash of the file as last read or written (null: there was none), checked before each write. */
  #onDisk: string | null;

  private constructor(file: string, data: RecordData, onDisk: string | null) {
    this.file = file;
    this.data = data;
    this.#onDisk = onDisk;
  }

  /** The record in `file`, or an empty one when there is none; a file that is not a record is an error. */
  static async read(file: string): Promise<SubmitRecord> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        return new SubmitRecord(file, { format: 1, sent: {} }, null);
      throw error;
    }
    let parsed: z.ZodSafeParseResult<RecordData>;
    try {
      parsed = RECORD.safeParse(JSON.parse(bytes.toString("utf8")));
    } catch (error) {
      throw notARecord(file, (error as Error).message);
    }
    if (!parsed.success) throw notARecord(file, parsed.error.issues[0]?.message ?? "unexpected shape");
    return new SubmitRecord(file, parsed.data, fileHash(bytes));
  }

  /** True when `url` was sent for exactly this fingerprint. */
  has(url: string, fingerprint: string): boolean {
    return this.data.sent[url]?.fingerprint === fingerprint;
  }

  /** Baidu's quota left on `day` for `site`, as its last answer that day said; null when unknown. */
  remainOn(site: string, day: string): number | null {
    const quota = this.data.quota?.[site];
    return quota && quota.day === day ? quota.remain : null;
  }

  /** Marks URLs accepted (url → fingerprint) at `at`, with the quota the answer left, and writes the record. */
  async accept(
    entries: readonly { url: string; fingerprint: string }[],
    at: Date,
    quota?: { site: string; day: string; remain: number },
  ): Promise<void> {
    for (const { url, fingerprint } of entries) this.data.sent[url] = { fingerprint, sentAt: at.toISOString() };
    if (quota) this.data.quota = { ...this.data.quota, [quota.site]: { day: quota.day, remain: quota.remain } };
    await this.write();
  }

  async write(): Promise<void> {
    const text = `${JSON.stringify(this.data, null, 1)}\n`;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const outcome = await writeAtomic(this.file, text, { expected: this.#onDisk });
    if (!outcome.written)
      throw new WenkuError(
        "record-changed",
        `${this.file} was changed by another run while this one was sending; it was left as that run wrote it (run again)`,
      );
    this.#onDisk = fileHash(Buffer.from(text));
  }
}

function notARecord(file: string, why: string): WenkuError {
  return new WenkuError(
    "record",
    `${file}: not a record of sent URLs that Wenku wrote (${why}); nothing was sent. Move it away to send every article again.`,
  );
}

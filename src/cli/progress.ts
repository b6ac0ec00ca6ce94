// What a long build tells the person watching it: on a terminal, one line rewritten in place
// (articles validated, pages written, elapsed); otherwise nothing until the one-line summary.

export interface Progress {
  step(text: string): void;
  done(): void;
}

export function progress(stream: NodeJS.WriteStream, started: number, now: () => number): Progress {
  if (!stream.isTTY) return { step() {}, done() {} };
  return {
    step(text) {
      stream.write(`\r\x1b[2K${text} · ${seconds(now() - started)}`);
    },
    done() {
      stream.write("\r\x1b[2K");
    },
  };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "1,234,567 bytes" → "1.2 MB": the summary's file-size column. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

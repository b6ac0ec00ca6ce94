// A tiny static file server for built sites (node:http, no dependencies): 127.0.0.1, an ephemeral port,
// optionally under a path prefix ("/archive/"). "/x/" serves x/index.html; a missing file gets 404 with
// the site's own 404.html body when there is one; nothing outside the folder is ever served.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface StaticServer {
  /** Origin plus prefix, ending in "/": "http://127.0.0.1:41234/archive/". */
  url: string;
  /** Origin only: "http://127.0.0.1:41234". */
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export const contentType = (file: string) => TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a request path maps to, or null when the path is outside the prefix, malformed or would escape
 * the folder. `requestPath` is the raw (percent-encoded) path without query or fragment.
 */
export function resolveRequest(root: string, prefix: string, requestPath: string): string | null {
  if (!requestPath.startsWith(prefix)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(requestPath.slice(prefix.length));
  } catch {
    return null;
  }
  if (rel.includes("\0") || rel.includes("\\")) return null;
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

/** Serves `root` at http://127.0.0.1:<ephemeral port><prefix>. */
export async function serveStatic(root: string, options: { prefix?: string } = {}): Promise<StaticServer> {
  let prefix = options.prefix ?? "/";
  if (!prefix.startsWith("/")) prefix = `/${prefix}`;
  if (!prefix.endsWith("/")) prefix += "/";
  const notFoundPage = path.join(root, "404.html");

  const server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, type: string, body: Buffer | string) => {
        res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
        res.end(req.method === "HEAD" ? undefined : body);
      };
      if (req.method !== "GET" && req.method !== "HEAD") return send(405, TYPES[".txt"]!, "method not allowed\n");
      const rawPath = (req.url ?? "/").split(/[?#]/, 1)[0]!;
      const file = resolveRequest(root, prefix, rawPath);
      if (file !== null && (await isFile(file))) return send(200, contentType(file), await readFile(file));
      if (file !== null && !rawPath.endsWith("/") && (await isFile(path.join(file, "index.html")))) {
        res.writeHead(301, { Location: `${rawPath}/` });
        return void res.end();
      }
      if (file === null && rawPath.startsWith(prefix)) return send(400, TYPES[".txt"]!, "bad request\n");
      if (await isFile(notFoundPage)) return send(404, TYPES[".html"]!, await readFile(notFoundPage));
      send(404, TYPES[".txt"]!, "not found\n");
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": TYPES[".txt"]! });
      res.end(`server error: ${String(error)}\n`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

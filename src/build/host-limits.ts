// Known limits of the hosts Wenku targets, checked against a finished build so the owner hears about
// them before a deploy fails.
import type { Host } from "../config/host.ts";

export const LIMITS = {
  cloudflareFiles: 20_000, // Cloudflare Pages, free plan: files per deployment
  cloudflareRedirects: 2_000, // Cloudflare Pages: static rules in _redirects
  githubPagesBytes: 1024 ** 3, // GitHub Pages: published site size
};

export interface BuildFacts {
  files: number;
  bytes: number;
  redirects: number;
  /** Whose rules `_redirects` holds (src/config/host.ts): Netlify's have no 2,000-rule limit. */
  rulesFor?: Host["name"];
}

export function hostWarnings({ files, bytes, redirects, rulesFor = "cloudflare" }: BuildFacts): string[] {
  const warnings: string[] = [];
  if (files > LIMITS.cloudflareFiles)
    warnings.push(`${files} files: Cloudflare Pages' free plan allows ${LIMITS.cloudflareFiles} per deployment`);
  if (redirects > LIMITS.cloudflareRedirects && rulesFor === "cloudflare") {
    warnings.push(
      `${redirects} redirects: Cloudflare Pages reads only ${LIMITS.cloudflareRedirects} static rules from _redirects (the static redirect pages still work)`,
    );
  }
  if (bytes > LIMITS.githubPagesBytes)
    warnings.push(`${(bytes / 1024 ** 3).toFixed(2)} GiB: GitHub Pages sites may be at most 1 GB`);
  return warnings;
}

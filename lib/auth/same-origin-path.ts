/**
 * Where a redirect parameter leads, as a path on `base`'s own origin; else
 * `fallback`. Resolved as the browser will (`/\evil.example` is another host),
 * never judged by how it starts.
 */
export function sameOriginPath(target: string | null | undefined, base: string | URL, fallback = "/"): string {
  if (!target) return fallback;
  const origin = new URL(base).origin;
  const url = URL.canParse(target, base) ? new URL(target, base) : undefined;
  return url?.origin === origin ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

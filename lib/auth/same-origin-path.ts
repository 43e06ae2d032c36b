/**
 * Where a redirect parameter leads, as a path on `base`'s own origin; else
 * `fallback`. Resolved as the browser will (`/\evil.example` is another host),
 * never judged by how it starts; and the path handed back must lead there
 * too when resolved again (`/.//evil.example` tidies to `//evil.example`).
 */
export function sameOriginPath(target: string | null | undefined, base: string | URL, fallback = "/"): string {
  if (!target) return fallback;
  const origin = new URL(base).origin;
  const url = URL.canParse(target, base) ? new URL(target, base) : undefined;
  const path = url?.origin === origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
  return path && new URL(path, base).origin === origin ? path : fallback;
}

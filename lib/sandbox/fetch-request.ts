import type { SignedRequest } from "./emulators/sigv4";

/** A Fetch API request as the SigV4 emulators read it: the path and headers the SDK signed, and the body. */
export async function signedRequestOf(request: Request): Promise<SignedRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { method: request.method, path: url.pathname, query: url.search.slice(1), headers, body: await request.text() };
}

/** One call the sandbox sent as a marketplace or console would, and what Skyport answered. */
export type Exchange = { at: string; request: string; status: number; response: string };

const log: { key: string; exchange: Exchange }[] = [];

/**
 * Remembers an exchange under what it belongs to (`aliyun:<instance>`,
 * `aws:<account>`, `console:<browser>`): the pages show each only to the
 * browser that owns that key, never from the URL.
 */
export function recordExchange(key: string, exchange: Exchange) {
  log.unshift({ key, exchange });
  log.length = Math.min(log.length, 200);
}

/** The latest exchanges under one key, newest first. */
export const recentExchanges = (key: string): Exchange[] => log.filter((x) => x.key === key).map((x) => x.exchange);

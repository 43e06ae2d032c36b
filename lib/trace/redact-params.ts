/** Keys whose values are taken for secrets wherever they appear in an action's params (any case, any depth), marked or not. */
const secretKey = /token|secret|password|passwd|credential|signature|private|accesskey|^key$/i;
/** A trace keeps at most this much of a call's params. */
export const maxTracedParams = 4096;

/**
 * An action's params as a trace keeps them: every value under a name the
 * action marks secret, or under a secret-looking key (for what is not marked),
 * replaced by "[redacted]" at any depth, and the whole cut to 4 KiB (then kept
 * as `{ "truncated": "<the start>" }`). Runs when traces are written, not on
 * the request.
 */
export function redactParams(params: Record<string, unknown>, marked?: ReadonlySet<string>): Record<string, unknown> {
  const json = JSON.stringify(params, (key, value) => (key && (marked?.has(key) || secretKey.test(key)) ? "[redacted]" : value));
  return json.length <= maxTracedParams ? JSON.parse(json) : { truncated: json.slice(0, maxTracedParams) };
}

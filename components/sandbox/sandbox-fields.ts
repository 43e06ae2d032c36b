/**
 * The ids a sandbox buyer types: an Alibaba account (aliUid) or instance id,
 * letters, digits, "-" and "_", short enough for the claims cookie to keep
 * fifty of each; an AWS account id, twelve digits. Anything else is refused
 * before it reaches the database or the claims (a NUL would be a 500, a long
 * id would drop the cookie and every claim in it).
 */
export const isSandboxId = (v: unknown): v is string => typeof v === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(v);
export const isAwsAccountId = (v: unknown): v is string => typeof v === "string" && /^\d{12}$/.test(v);

/** Days until expiry the Alibaba sandbox may set: past ones (to play an expiry) up to ten years ahead. */
export const readSandboxDays = (v: unknown): number | undefined => {
  const n = typeof v === "string" && /^-?\d{1,4}$/.test(v.trim()) ? Number(v) : Number.NaN;
  return n >= -365 && n <= 3650 ? n : undefined;
};

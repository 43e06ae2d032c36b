/** A parsed Stripe request: nested objects, arrays for numbered keys, strings at the leaves. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

/**
 * Decodes the form encoding Stripe's SDKs send (`a[b][0][c]=v`) into nested
 * values. Keys like `__proto__` are kept as plain own properties: the
 * containers are null-prototype objects.
 */
export function parseStripeForm(encoded: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = Object.create(null);
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const [head = "", ...rest] = rawKey.split("[").map((part, i) => (i === 0 ? part : part.replace(/\]$/, "")));
    let container: Record<string, FormValue> = root;
    const path = [head, ...rest];
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as string;
      const existing = container[key];
      if (typeof existing !== "object" || existing === null) container[key] = Object.create(null);
      container = container[key] as Record<string, FormValue>;
    }
    container[path[path.length - 1] as string] = value;
  }
  return arraysOf(root) as Record<string, FormValue>;
}

/** Objects whose keys are all 0..n-1 become arrays (`lookup_keys[0]=a&lookup_keys[1]=b`). */
function arraysOf(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = arraysOf(value[k] as FormValue);
  const numbered = keys.length > 0 && keys.every((k, i) => k === String(i));
  return numbered ? keys.map((k) => value[k] as FormValue) : value;
}

/** A string leaf, or undefined (absent, or an object where a string was expected). */
export const text = (v: FormValue | undefined): string | undefined => (typeof v === "string" ? v : undefined);

/** An object branch, or an empty one. */
export const branch = (v: FormValue | undefined): Record<string, FormValue> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? v : Object.create(null);

/** The string leaves of a branch (metadata, payload). */
export const strings = (v: FormValue | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(branch(v)).filter((e): e is [string, string] => typeof e[1] === "string"));

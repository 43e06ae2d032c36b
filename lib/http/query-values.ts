/** A page's query string as single strings (the first of repeated values), for a zod schema to judge. */
export function queryValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") out[key] = first;
  }
  return out;
}

/** The fields a query failed on (our own names, never the values), for the page to name. */
export function invalidFields(error: { issues: { path: PropertyKey[] }[] }): string {
  return [...new Set(error.issues.map((i) => String(i.path[0] ?? "?")))].join(", ");
}

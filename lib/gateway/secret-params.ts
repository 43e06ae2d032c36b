import { z } from "zod";

/**
 * Marks a param secret (console-gateway.md, "Never in logs"): a trace keeps
 * "[redacted]" in its place. Mark the finished field:
 * `token: secret(z.string().min(8))`, then `.optional()` if need be.
 */
export const secret = <T extends z.ZodType>(schema: T): T => schema.meta({ secret: true });

const isSecret = (schema: z.ZodType) => z.globalRegistry.get(schema)?.secret === true;

/** The names of the params an action's schema marks secret, at any depth (objects, arrays, optional and default fields). */
export function secretParamNames(schema: z.ZodType): ReadonlySet<string> {
  const names = new Set<string>();
  const walk = (s: z.ZodType, name?: string) => {
    if (name !== undefined && isSecret(s)) names.add(name);
    const def = s.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType> };
    if (def.shape) for (const [key, field] of Object.entries(def.shape)) walk(field, key);
    // a wrapper (optional, nullable, default, …), a list or a pipe: the same field, inside
    const inner = def.innerType ?? def.element ?? def.in;
    if (inner) walk(inner, name);
  };
  walk(schema);
  return names;
}

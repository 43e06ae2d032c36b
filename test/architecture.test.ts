import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The rules of ARCHITECTURE.md that a reviewer would otherwise have to remember,
// derived from the file tree: rooms of lib/ depend one way, each is entered
// through its door, and lib/ never reaches into the app.
const root = path.resolve(import.meta.dirname, "..");
const lib = path.join(root, "lib");

/**
 * Doors besides index.ts, each for a reason: these modules pull in what the
 * Next.js bundle must not load (embedded Postgres, the migrator, child
 * processes), or are what the pages call.
 */
const extraDoors: Record<string, string[]> = {
  db: ["embedded.ts", "migrate.ts"],
  "front-door": ["next-process.ts", "proxy.ts"],
  runtime: ["call-action.ts", "aws-marketplace.ts", "direct-sales.ts"],
  auth: ["password.ts"],
};

type Source = { file: string; imports: string[] };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (["node_modules", "generated", ".next", ".data"].includes(name)) return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [file] : [];
  });
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Every module specifier the file imports or re-exports, statically or dynamically. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gms),
    ...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return found.map((m) => m[1] as string);
}

/** The file an import names, for imports of this repository's own code. */
function resolve(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  throw new Error(`${path.relative(root, from)} imports ${specifier}, which does not exist`);
}

const roomOf = (file: string) => {
  const rel = path.relative(lib, file);
  return rel.startsWith("..") ? undefined : rel.split(path.sep)[0];
};

const production = ["lib", "app", "components", "prisma", "server.ts", "next-server.ts"]
  .map((p) => path.join(root, p))
  .flatMap((p) => (statSync(p).isDirectory() ? sources(p) : [p]))
  .filter((f) => !isTest(f));
const graph: Source[] = production.map((file) => ({
  file,
  imports: importsOf(file)
    .map((s) => resolve(file, s))
    .filter((f): f is string => f !== undefined),
}));

describe("the rooms of lib/", () => {
  it("are entered only through their door (index.ts, or a declared extra door)", () => {
    const reaches: string[] = [];
    for (const { file, imports } of graph)
      for (const target of imports) {
        const room = roomOf(target);
        if (!room || room === roomOf(file)) continue;
        const entry = path.relative(path.join(lib, room), target);
        if (entry !== "index.ts" && !extraDoors[room]?.includes(entry))
          reaches.push(`${path.relative(root, file)} → ${path.relative(root, target)}`);
      }
    expect(reaches).toEqual([]);
  });

  it("depend one way: no cycle between rooms", () => {
    const edges = new Map<string, Set<string>>();
    for (const { file, imports } of graph) {
      const from = roomOf(file);
      if (!from) continue;
      for (const target of imports) {
        const to = roomOf(target);
        if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    expect(cycles(edges)).toEqual([]);
  });

  it("have no import cycle between files either", () => {
    const edges = new Map<string, Set<string>>();
    for (const { file, imports } of graph) edges.set(path.relative(root, file), new Set(imports.map((f) => path.relative(root, f))));
    expect(cycles(edges)).toEqual([]);
  });

  it("never import the app: lib/ knows nothing of app/ or components/, and the gateway, actions and cloud nothing of React or Next.js", () => {
    const wrong: string[] = [];
    for (const file of production.filter((f) => roomOf(f))) {
      const room = roomOf(file) as string;
      for (const spec of importsOf(file)) {
        const target = resolve(file, spec);
        if (target && !roomOf(target)) wrong.push(`${path.relative(root, file)} → ${spec}`);
        const framework = /^(next|next-auth|react|react-dom)(\/|$)/.test(spec);
        if (framework && ["gateway", "actions", "cloud", "db", "marketplace", "billing"].includes(room))
          wrong.push(`${path.relative(root, file)} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("the agent is a program of its own: it imports only Node's standard library and its own files", () => {
    const agentDir = path.join(root, "agent", "src");
    const outside: string[] = [];
    for (const file of sources(agentDir))
      for (const spec of importsOf(file)) {
        const target = resolve(file, spec);
        if (target ? !target.startsWith(agentDir) : !spec.startsWith("node:")) outside.push(`${path.relative(root, file)} → ${spec}`);
      }
    expect(outside).toEqual([]);
  });

  it("only lib/sandbox's own routes and tests use the sandbox", () => {
    const users = graph
      .filter(({ file, imports }) => roomOf(file) !== "sandbox" && imports.some((t) => roomOf(t) === "sandbox"))
      .map(({ file }) => path.relative(root, file))
      .filter((f) => !f.startsWith(`app${path.sep}sandbox${path.sep}`) && !f.startsWith(`components${path.sep}sandbox${path.sep}`));
    expect(users).toEqual([]);
  });
});

/** Each cycle once, as the path that closes it. */
function cycles(edges: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registry } from "./registry";

// integrators read docs/gateway.md, not the code: every action has its row there
describe("the actions table of docs/gateway.md", () => {
  it("has a row for every registered action", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/gateway.md"), "utf8");
    const missing = [...registry.keys()].filter((name) => !doc.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});

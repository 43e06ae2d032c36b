import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// Prisma's own schema parser (the wasm build the CLI uses), not a hand-rolled one
const { get_dmmf } = createRequire(import.meta.url)("@prisma/prisma-schema-wasm") as { get_dmmf: (p: string) => string };

type Field = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType: [string, string[]] | null;
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Enum = { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] };

const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync("prisma/schema.prisma", "utf8") }))) as {
  datamodel: { models: Model[]; enums: Enum[] };
};
const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e]));

/** The Postgres type a Prisma field must have: information_schema's udt_name (`_text` for String[]). */
function expectedUdt(f: Field): string {
  return f.isList ? `_${scalarUdt(f)}` : scalarUdt(f);
}

function scalarUdt(f: Field): string {
  if (f.kind === "enum") return enums.get(f.type)?.dbName ?? f.type;
  const native = f.nativeType?.[0];
  const byNative: Record<string, string> = {
    Uuid: "uuid",
    Timestamptz: "timestamptz",
    Real: "float4",
    Text: "text",
    VarChar: "varchar",
    Decimal: "numeric",
  };
  if (native) return byNative[native] ?? `unmapped native type ${native}`;
  const byType: Record<string, string> = {
    String: "text",
    Int: "int4",
    BigInt: "int8",
    Float: "float8",
    Boolean: "bool",
    DateTime: "timestamp",
    Json: "jsonb",
    Decimal: "numeric",
    Bytes: "bytea",
  };
  return byType[f.type] ?? `unmapped type ${f.type}`;
}

let client: pg.Client;
let columns: Map<string, { udt: string; nullable: boolean }>;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("dbUrls").owner });
  await client.connect();
  const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
    // a partitioned table is its model; its partitions (gateway_traces by day) are not models of their own
    `SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable
     FROM information_schema.columns c
     JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace
     WHERE c.table_schema = 'public' AND NOT t.relispartition`,
  );
  columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, { udt: r.udt_name, nullable: r.is_nullable === "YES" }]));
});
afterAll(() => client.end());

describe("schema.prisma matches the migrated database", () => {
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    it(`model ${model.name} → table ${table}: every column, type and nullability`, () => {
      for (const f of model.fields.filter((x) => x.kind !== "object")) {
        const column = `${table}.${f.dbName ?? f.name}`;
        const actual = columns.get(column);
        expect(actual, `${column} is missing`).toBeDefined();
        // a list is never NULL in Prisma's model; the migration must say NOT NULL
        expect({ column, udt: actual?.udt, nullable: actual?.nullable }).toEqual({
          column,
          udt: expectedUdt(f),
          nullable: !f.isRequired && !f.isList,
        });
      }
    });
  }

  it("every table in the database is a model (besides the migrations ledger)", () => {
    const modelled = new Set(dmmf.datamodel.models.map((m) => m.dbName ?? m.name));
    const tables = new Set([...columns.keys()].map((k) => k.split(".")[0]));
    tables.delete("_prisma_migrations");
    expect([...tables].filter((t) => !modelled.has(t!))).toEqual([]);
  });

  it("every enum has exactly the schema's values, in order", async () => {
    for (const e of dmmf.datamodel.enums) {
      const { rows } = await client.query<{ v: string }>(
        "SELECT enumlabel AS v FROM pg_enum WHERE enumtypid = $1::regtype ORDER BY enumsortorder",
        [e.dbName ?? e.name],
      );
      expect([e.name, rows.map((r) => r.v)]).toEqual([e.name, e.values.map((v) => v.dbName ?? v.name)]);
    }
  });
});

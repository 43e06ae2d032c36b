import pg from "pg";

export type Statement = { text: string; values: readonly unknown[] };
export type StatementResult = { rows: Record<string, unknown>[]; rowCount: number };

const texts = new WeakMap<TemplateStringsArray, string>();

/** sql`SELECT ... WHERE id = ${id}` → `{ text: "SELECT ... WHERE id = $1", values: [id] }`; text cached per call site */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  let text = texts.get(strings);
  if (text === undefined) {
    text = strings.reduce((acc, part, i) => `${acc}$${i}${part}`);
    texts.set(strings, text);
  }
  return { text, values };
}

/**
 * Runs statements as named prepared statements in one round trip: Bind and
 * Execute for each, then a single Sync. Until that Sync they share one
 * transaction (the implicit one, or the explicit one a BEGIN among them
 * opened), so a `set_config(..., true)` covers the statements after it; the
 * first error skips the rest.
 *
 * Prepared, because parsing and planning was most of Postgres's time per
 * request (docs/benchmarks.md). Each text is parsed once per connection. The
 * set of texts is bounded: statements come from `sql` templates, one text per
 * call site.
 */
export function runStatements(client: pg.ClientBase, statements: readonly Statement[]): Promise<StatementResult[]> {
  return new Promise((resolve, reject) => {
    client.query(new StatementBatch(statements, (err, results) => (err ? reject(err) : resolve(results))));
  });
}

const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `skyport_${names.size}`;
    names.set(text, name);
  }
  return name;
}

/** Per connection, the statement names Postgres has confirmed as prepared. */
const prepared = new WeakMap<object, Set<string>>();

type Field = { name: string; dataTypeID: number; format: string };
type Connection = {
  stream: { cork(): void; uncork(): void };
  parse(m: { name: string; text: string }): void;
  close(m: { type: "S"; name: string }): void;
  bind(m: { statement: string; values: readonly unknown[]; valueMapper: (v: unknown) => unknown }): void;
  describe(m: { type: "P"; name: string }): void;
  execute(m: Record<string, never>): void;
  sync(): void;
};

// pg's own value encoding (Dates, arrays, JSON, Buffers), as its Query uses
const prepareValue = (pg as unknown as { utils: { prepareValue: (v: unknown) => unknown } }).utils.prepareValue;
const commandTag = /^[A-Za-z]+(?: (\d+))?(?: (\d+))?/;

/** A pg Submittable: pg's client hands it the connection and each backend message in turn. */
class StatementBatch {
  private readonly results: StatementResult[] = [];
  private fields: Field[] = [];
  private parsers: ((v: string) => unknown)[] = [];
  private rows: Record<string, unknown>[] = [];
  private parsing: string[] = [];
  private ready: Set<string> | undefined;
  private settled = false;

  constructor(
    private readonly statements: readonly Statement[],
    private readonly done: (err: Error | undefined, results: StatementResult[]) => void,
  ) {}

  submit(pgConnection: pg.Connection): void {
    // the few Connection methods pg's own Query uses; its typings lag the runtime
    const connection = pgConnection as unknown as Connection;
    const ready = prepared.get(connection) ?? new Set<string>();
    prepared.set(connection, ready);
    this.ready = ready;
    connection.stream.cork();
    try {
      for (const { text, values } of this.statements) {
        const name = nameOf(text);
        if (!ready.has(name) && !this.parsing.includes(name)) {
          // a Parse whose outcome a failed batch left unknown is closed first (a no-op if absent)
          connection.close({ type: "S", name });
          connection.parse({ name, text });
          this.parsing.push(name);
        }
        connection.bind({ statement: name, values, valueMapper: prepareValue });
        connection.describe({ type: "P", name: "" });
        connection.execute({});
      }
      connection.sync();
    } finally {
      connection.stream.uncork();
    }
  }

  handleRowDescription(msg: { fields: Field[] }): void {
    this.fields = msg.fields;
    this.parsers = msg.fields.map((f) => pg.types.getTypeParser(f.dataTypeID, f.format as "text"));
  }

  handleDataRow(msg: { fields: (string | null)[] }): void {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < msg.fields.length; i++) {
      const raw = msg.fields[i];
      row[(this.fields[i] as Field).name] = raw === null || raw === undefined ? null : (this.parsers[i] as (v: string) => unknown)(raw);
    }
    this.rows.push(row);
  }

  handleCommandComplete(msg: { text: string }): void {
    const m = commandTag.exec(msg.text);
    this.results.push({ rows: this.rows, rowCount: Number(m?.[2] ?? m?.[1] ?? 0) });
    this.rows = [];
    this.fields = [];
  }

  handleReadyForQuery(): void {
    for (const name of this.parsing) this.ready?.add(name);
    this.settle(undefined);
  }

  /** A backend error (the rest of the batch was skipped) or a dead connection. */
  handleError(err: Error): void {
    this.settle(err);
  }

  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}

  private settle(err: Error | undefined): void {
    if (this.settled) return;
    this.settled = true;
    this.done(err, this.results);
  }
}

/** Connection strings for the four database roles (see ARCHITECTURE.md). */
export type DatabaseUrls = {
  /** owns the tables and runs migrations; never used by request code */
  owner: string;
  /** tenant-scoped request code: row-level security applies */
  app: string;
  /** cross-tenant platform work: marketplace callbacks, admin aggregates */
  platform: string;
  /** support's read-only view */
  opsRo: string;
};

/** The role names the migrations grant to; role URLs must log in as these. */
export const roleNames = { app: "app", platform: "platform", opsRo: "ops_ro" } as const;

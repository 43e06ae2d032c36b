import { defineConfig } from "prisma/config";

// Only `prisma generate` is used (migrations are our own SQL, see DEVELOPERS.md);
// it needs no database, so an unset DATABASE_URL must not throw here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: { url: process.env.DATABASE_URL ?? "" },
});

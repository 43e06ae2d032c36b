import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type Database } from "../db";
import { hashPassword } from "./password";
import { verifyStaffCredentials } from "./staff";

let db: Database;
const email = `support-${randomUUID().slice(0, 8)}@skyport.test`;
beforeAll(async () => {
  db = createDatabase(inject("dbUrls"), 2);
  await db.platformDb.staff.create({ data: { email, name: "Support", role: "support", passwordHash: await hashPassword("s3cret-pass") } });
});
afterAll(() => db.close());

describe("verifyStaffCredentials", () => {
  it("signs in with the right password, whatever the case and spacing of the email", async () => {
    expect(await verifyStaffCredentials(db.platformDb, ` ${email.toUpperCase()} `, "s3cret-pass")).toMatchObject({
      email,
      role: "support",
    });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(await verifyStaffCredentials(db.platformDb, email, "wrong")).toBeNull();
    expect(await verifyStaffCredentials(db.platformDb, "nobody@skyport.test", "s3cret-pass")).toBeNull();
  });
});

import { randomBytes } from "node:crypto";

/** What an emulated Stripe request answers: JSON (an object) or a page (HTML text), with headers. */
export type EmulatorAnswer = { status: number; body: object | string; headers?: Record<string, string> };
export type Json = Record<string, unknown>;

/** Stripe's answers and error shapes, shared by the emulator's parts. */
export const answers = {
  id: (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`,
  reply: (status: number, body: object, headers?: Record<string, string>): EmulatorAnswer => ({
    status,
    body,
    headers: { "request-id": answers.id("req"), ...headers },
  }),
  fail: (status: number, type: string, message: string, extra: Json = {}) => answers.reply(status, { error: { type, message, ...extra } }),
  missing: (what: string, key: string) =>
    answers.fail(404, "invalid_request_error", `No such ${what}: '${key}'`, { code: "resource_missing", param: "id" }),
  list: (url: string, data: Json[]) => answers.reply(200, { object: "list", url, has_more: false, data }),
};

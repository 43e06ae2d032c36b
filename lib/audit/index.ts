export { type AuditEventInput, recordAudit } from "./record-audit";

export { findTraces } from "./find-traces";
export { createTraceWriter, type TraceRecord, type TraceWriter } from "./trace-writer";

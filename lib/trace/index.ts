export { createTraceWriter, type TraceRecord, type TraceWriter } from "./trace-writer";
export { findTraces } from "./find-traces";

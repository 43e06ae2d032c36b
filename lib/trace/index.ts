export { maxTracedParams } from "./redact-params";
export { createTraceWriter, type TraceRecord, type TraceWriter } from "./trace-writer";

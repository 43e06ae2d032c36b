export { createTraceWriter, type TraceRecord, type TraceWriter } from "./trace-writer";

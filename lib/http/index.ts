export { BodyTooLarge, readBody } from "./read-body";
export { Refusal } from "./refusal";
export { sendJson } from "./send-json";

export { BodyTooLarge, readBody } from "./read-body";
export { sendJson } from "./send-json";

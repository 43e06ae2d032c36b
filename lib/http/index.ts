export { BodyTooLarge, readBody } from "./read-body";
export { Refusal } from "./refusal";
export { sendJson, sendRefusal } from "./send-json";

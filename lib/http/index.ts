export { withinClockWindow } from "./clock-window";
export { instantField, textField } from "./form-fields";
export { BodyTooLarge, readBody } from "./read-body";
export { Refusal } from "./refusal";
export { sendJson, sendRefusal } from "./send-json";

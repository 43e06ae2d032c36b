export { withinClockWindow } from "./clock-window";
export { instantField, textField } from "./form-fields";
export { invalidFields, queryValues } from "./query-values";
export { BodyTooLarge, readBody } from "./read-body";
export { Refusal } from "./refusal";
export { sendJson, sendRefusal } from "./send-json";

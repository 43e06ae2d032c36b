export { type Action, type ActionContext, type Caller, defineAction, type Role, roles } from "./define-action";
export { type ActionRegistry, createRegistry, registry } from "./registry";

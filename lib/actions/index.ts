export { registry, createRegistry, type ActionRegistry } from "./registry";
export { defineAction, roles, type Action, type ActionContext, type Caller, type Role } from "./define-action";

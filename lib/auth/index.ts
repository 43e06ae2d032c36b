export { auth, handlers, signIn, signOut } from "./staff-auth";
export type { StaffRole, StaffUser } from "./staff";
export { consoleCookie, consoleSessionMaxAge, openConsoleSession, sealConsoleSession } from "./console-session";

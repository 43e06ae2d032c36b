export { consoleCookie, consoleSessionMaxAge, openConsoleSession, sealConsoleSession } from "./console-session";
export type { StaffRole, StaffUser } from "./staff";
export { auth, handlers, signIn, signOut, ThrottledSignIn } from "./staff-auth";

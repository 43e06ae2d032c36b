export { clientAddress } from "./client-address";
export { consoleCookie, consoleSessionMaxAge, openConsoleSession, sealConsoleSession, withSessionLocale } from "./console-session";
export { devMails, keepDevMail } from "./dev-outbox";
export {
  type BuyerMail,
  type BuyerSignIn,
  createSignUpThrottle,
  signInDirectBuyer,
  signUpBuyer,
  signUpSchema,
  verifyBuyer,
} from "./direct-buyer";
export { sameOriginPath } from "./same-origin-path";
export { seal, unseal } from "./sealed";
export type { StaffRole, StaffUser } from "./staff";
export { acceptInvite, changeStaff, inviteDays, inviteStaff } from "./staff-admin";
export { auth, handlers, signIn, signOut, ThrottledSignIn } from "./staff-auth";
export { signInLimits } from "./staff-sign-in";

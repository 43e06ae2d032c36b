import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { runtime } from "../runtime";
import { clientAddress } from "./client-address";
import type { StaffRole } from "./staff";
import { signInStaff } from "./staff-sign-in";

declare module "next-auth" {
  interface Session {
    user: { role: StaffRole } & DefaultSession["user"];
  }
  interface User {
    role?: StaffRole;
  }
}

const credentials = z.object({ email: z.string().email().max(254), password: z.string().min(1).max(200) });

/** Too many failures for the account or the address: the sign-in page says so (`?error=throttled`). */
export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

/** Staff (ISV admins and support) sign in with email and password; JWT sessions. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: runtime().config.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { db, config } = runtime();
        const address = clientAddress(request.headers, config.TRUSTED_PROXIES);
        const outcome = await signInStaff(db.platformDb, { ...parsed.data, address });
        if (outcome.ok) return { id: outcome.staff.id, email: outcome.staff.email, name: outcome.staff.name, role: outcome.staff.role };
        if (outcome.reason === "throttled") throw new ThrottledSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.role) token.role = user.role;
      return token;
    },
    session({ session, token }) {
      session.user.role = token.role as StaffRole;
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));

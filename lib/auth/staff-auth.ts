import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { runtime } from "../runtime";
import { type StaffRole, verifyStaffCredentials } from "./staff";

declare module "next-auth" {
  interface Session {
    user: { role: StaffRole } & DefaultSession["user"];
  }
  interface User {
    role?: StaffRole;
  }
}

const credentials = z.object({ email: z.string().email().max(254), password: z.string().min(1).max(200) });

/** Staff (ISV admins and support) sign in with email and password; JWT sessions. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: runtime().config.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const staff = await verifyStaffCredentials(runtime().db.platformDb, parsed.data.email, parsed.data.password);
        return staff && { id: staff.id, email: staff.email, name: staff.name, role: staff.role };
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
      return session;
    },
  },
}));

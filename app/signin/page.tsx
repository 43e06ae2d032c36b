import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { PlainPage } from "@/components/shell/plain-page";
import { Field } from "@/components/ui/field";
import { signIn, signInLimits } from "@/lib/auth";
import type { Translate } from "@/lib/i18n";

// without a page asked for (signed out, or the page opened directly), each role lands in its own area
const safeNext = (next: unknown) => (typeof next === "string" && /^\/(admin|ops|sandbox)(\/|$|\?)/.test(next) ? next : "/staff");

type Search = { error?: string; next?: string; minutes?: string };

/** The refusal named by its code; the number of minutes is read as a number, never as text. */
function refusal(t: Translate, { error, minutes }: Search) {
  if (error === "forbidden") return t("signin.forbidden");
  if (error === "throttled")
    return t("signin.throttled", { minutes: Math.min(Math.max(Number.parseInt(minutes ?? "", 10) || 0, 0), 1440) });
  return error ? t("signin.failed") : null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [t, search] = await Promise.all([getTranslations(), searchParams]);
  const message = refusal(t, search);
  async function submit(form: FormData) {
    "use server";
    const to = safeNext(form.get("next"));
    try {
      await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo: to });
    } catch (err) {
      if (err instanceof AuthError) {
        const throttled = err instanceof CredentialsSignin && err.code === "throttled";
        const why = throttled ? `throttled&minutes=${signInLimits.windowMinutes}` : "failed";
        redirect(`/signin?error=${why}&next=${encodeURIComponent(to)}`);
      }
      throw err; // Next's redirect after a successful sign-in
    }
  }
  return (
    <PlainPage title={t("signin.title")}>
      {message && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-700">
          {message}
        </p>
      )}
      <form action={submit} className="space-y-3">
        <input type="hidden" name="next" value={safeNext(search.next)} />
        <Field label={t("signin.email")} name="email" type="email" required autoComplete="username" />
        <Field label={t("signin.password")} name="password" type="password" required autoComplete="current-password" />
        <button type="submit" className="h-8 w-full rounded bg-primary text-white hover:bg-primary-dark">
          {t("signin.submit")}
        </button>
      </form>
    </PlainPage>
  );
}

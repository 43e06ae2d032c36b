import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { currentLocale } from "@/components/i18n/current-locale";
import { Field } from "@/components/ui/field";
import { signIn } from "@/lib/auth";

const safeNext = (next: unknown) => (typeof next === "string" && /^\/(admin|ops)(\/|$|\?)/.test(next) ? next : "/admin");

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; next?: string }> }) {
  const { t } = await currentLocale();
  const { error, next } = await searchParams;
  async function submit(form: FormData) {
    "use server";
    const to = safeNext(form.get("next"));
    try {
      await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo: to });
    } catch (err) {
      if (err instanceof AuthError) {
        const why = err instanceof CredentialsSignin && err.code === "throttled" ? "throttled" : "failed";
        redirect(`/signin?error=${why}&next=${encodeURIComponent(to)}`);
      }
      throw err; // Next's redirect after a successful sign-in
    }
  }
  return (
    <main className="mx-auto mt-24 max-w-sm rounded border border-gray-200 bg-white p-6">
      <h1 className="mb-4 text-lg font-semibold">{t("signin.title")}</h1>
      {error && (
        <p role="alert" className="mb-3 rounded bg-red-50 px-3 py-2 text-red-700">
          {error === "forbidden" ? t("signin.forbidden") : error === "throttled" ? t("signin.throttled") : t("signin.failed")}
        </p>
      )}
      <form action={submit} className="space-y-3">
        <input type="hidden" name="next" value={safeNext(next)} />
        <Field label={t("signin.email")} name="email" type="email" required autoComplete="username" />
        <Field label={t("signin.password")} name="password" type="password" required autoComplete="current-password" />
        <button type="submit" className="h-8 w-full rounded bg-primary text-white hover:bg-primary-dark">
          {t("signin.submit")}
        </button>
      </form>
    </main>
  );
}

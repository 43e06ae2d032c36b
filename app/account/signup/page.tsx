import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signUp } from "@/components/account/account-actions";
import { PlainPage } from "@/components/shell/plain-page";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { runtime } from "@/lib/runtime";

/** A direct buyer's sign-up: a verification link follows by mail (in development: the log and the sandbox outbox). */
export default async function SignUpPage() {
  const t = await getTranslations();
  const sandbox = runtime().config.SANDBOX === "on";
  return (
    <PlainPage title={t("account.signupTitle")}>
      <ActionForm action={signUp} labels={{ copy: t("common.copy"), copied: t("common.copied") }} className="space-y-3">
        <Field label={t("account.company")} name="company" required maxLength={128} autoComplete="organization" />
        <Field label={t("account.email")} name="email" type="email" required maxLength={254} autoComplete="email" />
        <Field
          label={t("account.password")}
          name="password"
          type="password"
          required
          minLength={10}
          maxLength={200}
          autoComplete="new-password"
        />
        <p className="text-xs text-gray-500">{t("account.passwordRule")}</p>
        <SubmitButton className="h-8 w-full rounded bg-primary text-white hover:bg-primary-dark" pending={t("account.signupPending")}>
          {t("account.signupSubmit")}
        </SubmitButton>
      </ActionForm>
      {sandbox && (
        <p className="text-xs text-gray-500">
          <Link href="/sandbox/mail" className="text-primary underline">
            {t("account.openOutbox")}
          </Link>
        </p>
      )}
      <p>
        <Link href="/account/signin" className="text-primary underline">
          {t("account.haveAccount")}
        </Link>
      </p>
    </PlainPage>
  );
}

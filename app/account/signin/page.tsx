import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/components/account/account-actions";
import { PlainPage } from "@/components/shell/plain-page";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** A direct buyer's sign-in (marketplace buyers arrive through their marketplace's free login instead). */
export default async function BuyerSignInPage() {
  const t = await getTranslations();
  return (
    <PlainPage title={t("account.signinTitle")}>
      <ActionForm action={signIn} labels={{ copy: t("common.copy"), copied: t("common.copied") }} className="space-y-3">
        <Field label={t("account.email")} name="email" type="email" required maxLength={254} autoComplete="username" />
        <Field label={t("account.password")} name="password" type="password" required maxLength={200} autoComplete="current-password" />
        <SubmitButton className="h-8 w-full rounded bg-primary text-white hover:bg-primary-dark" pending={t("account.signinPending")}>
          {t("account.signinSubmit")}
        </SubmitButton>
      </ActionForm>
      <p>
        <Link href="/account/signup" className="text-primary underline">
          {t("account.noAccount")}
        </Link>
      </p>
    </PlainPage>
  );
}

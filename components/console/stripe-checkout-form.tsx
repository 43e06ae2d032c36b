import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { planIds, plans } from "@/lib/billing";
import { codeArgs } from "@/lib/i18n";
import { startCheckout } from "./billing-actions";
import { copyLabels } from "./outcome-of";

/** A plan from the catalogue, paid on Stripe's Checkout page (with the plan's trial, the first time). */
export async function StripeCheckoutForm() {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const usd = (cents: number) => format.number(cents / 100, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
  const options = planIds.map((id) => ({
    value: id,
    label: t("directBilling.planOption", { plan: t("labels.plan", codeArgs(id)), price: usd(plans[id].monthlyPriceCents) }),
  }));
  return (
    <ActionForm action={startCheckout} labels={await copyLabels()} className="flex flex-wrap items-end gap-3">
      <SelectField
        label={t("directBilling.choosePlan")}
        name="plan"
        options={options}
        defaultValue="standard"
        data-testid="checkout-plan"
      />
      <SubmitButton className="h-8 rounded bg-primary px-4 text-white hover:bg-primary-dark" pending={t("directBilling.checkoutPending")}>
        {t("directBilling.checkout")}
      </SubmitButton>
    </ActionForm>
  );
}

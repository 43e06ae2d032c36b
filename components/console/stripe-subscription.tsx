import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Badge, type Tone } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { Time } from "@/components/ui/time";
import type { describeDirectBilling } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { openPortal } from "./billing-actions";
import { copyLabels } from "./outcome-of";
import { StripeCheckoutForm } from "./stripe-checkout-form";

type Billing = ResultOf<typeof describeDirectBilling>;

const tones: Record<string, Tone> = {
  trialing: "blue",
  active: "green",
  past_due: "amber",
  unpaid: "red",
  canceled: "gray",
  paused: "amber",
};
/** Stripe statuses under which a new Checkout is offered (nothing is billed any more). */
const ended = new Set(["canceled", "incomplete_expired"]);

/**
 * A direct tenant's Stripe subscription: its state, and the way to buy (Checkout) or change it (the portal).
 * `plan`: the name of the tenant's plan (its latest subscription's, as the console's header shows it): without
 * a Stripe subscription, one not bought through Stripe.
 */
export async function StripeSubscription({ billing, plan }: { billing: Billing; plan: string | null }) {
  const t = await getTranslations();
  const sub = billing.subscription;
  const canCheckout = !sub || ended.has(sub.status);
  return (
    <Panel title={t("directBilling.subscription")} testId="stripe-subscription">
      {sub ? (
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-xs text-gray-500">{t("directBilling.status")}</dt>
            <dd className="mt-1">
              <Badge tone={tones[sub.status] ?? "gray"}>{t("directBilling.stripeStatus", { status: sub.status })}</Badge>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-gray-500">{t(sub.status === "trialing" ? "directBilling.trialEnds" : "directBilling.renews")}</dt>
            <dd className="mt-1">
              <Time value={sub.status === "trialing" ? sub.trialEnd : sub.currentPeriodEnd} />
            </dd>
          </div>
          {sub.cancelAtPeriodEnd && <div className="self-end text-amber-800">{t("directBilling.cancelsAtPeriodEnd")}</div>}
        </dl>
      ) : (
        <p className="text-gray-600">{plan ? t("directBilling.planOutsideStripe", { plan }) : t("directBilling.noPlan")}</p>
      )}
      {sub?.status === "past_due" && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {t("directBilling.pastDue")}
        </p>
      )}
      {canCheckout ? (
        <StripeCheckoutForm />
      ) : (
        <ActionForm action={openPortal} labels={await copyLabels()} className="flex flex-wrap items-center gap-3">
          <SubmitButton
            className="h-8 rounded border border-primary px-4 text-primary hover:bg-blue-50"
            pending={t("directBilling.portalPending")}
          >
            {t("directBilling.portal")}
          </SubmitButton>
          <span className="text-xs text-gray-500">{t("directBilling.portalHint")}</span>
        </ActionForm>
      )}
    </Panel>
  );
}

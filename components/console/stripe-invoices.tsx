import { getFormatter, getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { StripeInvoiceLine } from "@/lib/actions";
import { fromStripeAmount } from "@/lib/billing";

/** Stripe's invoices for the tenant, newest first, each with Stripe's hosted page. `null`: Stripe could not be asked. */
export async function StripeInvoices({ invoices }: { invoices: StripeInvoiceLine[] | null }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const money = (amount: number, currency: string) =>
    format.number(fromStripeAmount(amount, currency), { style: "currency", currency: currency.toUpperCase() });
  return (
    <Panel title={t("directBilling.invoices")} testId="stripe-invoices">
      {invoices === null ? (
        <p role="alert" className="text-amber-800">
          {t("directBilling.invoicesUnavailable")}
        </p>
      ) : (
        <Table
          head={[
            t("directBilling.invoiceNumber"),
            t("directBilling.invoiceDate"),
            t("directBilling.invoicePeriod"),
            { label: t("directBilling.invoiceAmount"), numeric: true },
            t("directBilling.status"),
            "",
          ]}
          empty={t("directBilling.noInvoices")}
        >
          {invoices.map((i) => (
            <tr key={i.id}>
              <Cell mono>{i.number ?? i.id}</Cell>
              <Cell>
                <Time value={i.created} />
              </Cell>
              <Cell>
                <Time value={i.periodStart} /> – <Time value={i.periodEnd} />
              </Cell>
              <Cell numeric>{money(i.amountDue, i.currency)}</Cell>
              <Cell>{t("directBilling.invoiceStatus", { status: i.status ?? "draft" })}</Cell>
              <Cell>
                {i.hostedUrl && (
                  <a href={i.hostedUrl} target="_blank" rel="noreferrer" className="text-primary underline">
                    {t("directBilling.invoiceView")}
                  </a>
                )}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </Panel>
  );
}

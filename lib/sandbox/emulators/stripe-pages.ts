/** The pages Stripe hosts (Checkout, the customer portal, an invoice), as plain HTML: no script, one form each. */
type Json = Record<string, unknown>;

const escapeHtml = (v: unknown) => String(v ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const day = (s: unknown) => (typeof s === "number" ? new Date(s * 1000).toISOString().slice(0, 10) : "");

function frame(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:14px system-ui,sans-serif;color:#1a1f36;background:#f6f9fc;margin:0}main{max-width:28rem;margin:4rem auto;background:#fff;border:1px solid #e3e8ee;border-radius:8px;padding:2rem}
h1{font-size:1.1rem;margin:0 0 .25rem}.note{color:#697386;font-size:12px}button{background:#635bff;color:#fff;border:0;border-radius:6px;height:2.5rem;width:100%;font-size:15px;cursor:pointer;margin-top:1rem}
table{width:100%;border-collapse:collapse;margin-top:1rem}td{padding:.35rem 0;border-bottom:1px solid #e3e8ee}td:last-child{text-align:right}a{color:#635bff}</style></head>
<body><main><p class="note">Stripe emulator (Skyport sandbox): no card is charged</p>${body}</main></body></html>`;
}

export function checkoutPage({ base, session, price, quantity }: { base: string; session: Json; price: Json; quantity: number }) {
  const trial = (session.subscription_data as { trial_period_days: number | null }).trial_period_days;
  const amount = (price.unit_amount as number) * quantity;
  return frame(
    "Checkout",
    `<h1>Subscribe to ${escapeHtml(price.lookup_key)}</h1>
<p data-testid="checkout-amount">${money(amount)} per month${trial ? `, after a ${trial}-day free trial` : ""}</p>
<table><tr><td>Email</td><td>${escapeHtml(session.customer_email ?? session.customer)}</td></tr>
<tr><td>Card</td><td>4242 4242 4242 4242</td></tr><tr><td>Due today</td><td>${money(trial ? 0 : amount)}</td></tr></table>
<form method="post" action="${escapeHtml(`${base}/checkout/${session.id}/pay`)}"><button type="submit">Pay</button></form>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a></p>` : ""}`,
  );
}

export function portalPage({ base, portal, subscriptions }: { base: string; portal: Json; subscriptions: Json[] }) {
  const rows = subscriptions
    .map((s) => {
      const item = (s.items as { data: Json[] }).data[0] as Json;
      const cancel =
        s.status === "canceled"
          ? ""
          : `<form method="post" action="${escapeHtml(`${base}/portal/${portal.id}/cancel/${s.id}`)}"><button type="submit">Cancel subscription</button></form>`;
      return `<tr><td>${escapeHtml((item.price as Json).lookup_key)}</td><td>${escapeHtml(s.status)} · renews ${day(item.current_period_end)}</td></tr><tr><td colspan="2">${cancel}</td></tr>`;
    })
    .join("");
  return frame(
    "Billing portal",
    `<h1>Your subscriptions</h1><table>${rows || "<tr><td>None</td></tr>"}</table>
${portal.return_url ? `<p><a href="${escapeHtml(portal.return_url)}">Return</a></p>` : ""}`,
  );
}

export function invoicePage(invoice: Json) {
  return frame(
    `Invoice ${invoice.number}`,
    `<h1>Invoice ${escapeHtml(invoice.number)}</h1><table>
<tr><td>Status</td><td>${escapeHtml(invoice.status)}</td></tr>
<tr><td>Period</td><td>${day(invoice.period_start)} – ${day(invoice.period_end)}</td></tr>
<tr><td>Amount due</td><td>${money(invoice.amount_due as number)}</td></tr>
<tr><td>Amount paid</td><td>${money(invoice.amount_paid as number)}</td></tr></table>`,
  );
}

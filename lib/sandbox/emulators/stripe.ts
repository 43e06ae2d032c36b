import { createHash, createHmac } from "node:crypto";
import { type Plan, plans } from "../../billing";
import { answers, type EmulatorAnswer, type Json } from "./stripe-answers";
import { branch, type FormValue, parseStripeForm, strings, text } from "./stripe-form";
import { type AcceptedMeterEvent, createStripeMeters } from "./stripe-meters";

export type { EmulatorAnswer } from "./stripe-answers";
export type { AcceptedMeterEvent } from "./stripe-meters";

import { checkoutPage, invoicePage, portalPage } from "./stripe-pages";

/**
 * Stripe's API as far as Skyport uses it, for the real `stripe` SDK (pointed
 * here by STRIPE_API_BASE): the secret key, Idempotency-Key, customers,
 * prices by lookup key (the catalogue's), Checkout in subscription mode with
 * a hosted page whose "Pay" makes the subscription and its invoice and posts
 * signed webhooks, billing portal sessions, subscriptions, invoices, events,
 * and billing meter events with their summaries. Paths are relative to the
 * emulator's root (`/v1/...` for the API; `/checkout/...`, `/portal/...`,
 * `/invoices/...` for the pages a browser opens).
 */
export type StripeEmulatorOptions = {
  secretKey: string;
  /** where a browser reaches this emulator (hosted pages, links in objects) */
  publicBase: string;
  /** where events are posted, signed with `secret`; none: events are only recorded */
  webhook?: { url: string; secret: string } | undefined;
  /** milliseconds since the epoch */
  now?: () => number;
};

export type EmulatorRequest = {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

type Subscription = Json & { id: string; customer: string; status: string; items: { data: Json[] }; metadata: Record<string, string> };
type Session = Json & { id: string; status: string; customer: string | null; subscription: string | null };
export type StripeEvent = { id: string; type: string; created: number; data: { object: Json } };
export type Delivery = { eventId: string; type: string; status: number | "failed" };

const apiVersion = "2026-10-28.endive";

export function createStripeEmulator(opts: StripeEmulatorOptions) {
  const now = opts.now ?? Date.now;
  const seconds = () => Math.floor(now() / 1000);
  let webhook = opts.webhook;
  const customers = new Map<string, Json>();
  const sessions = new Map<string, Session>();
  const subscriptions = new Map<string, Subscription>();
  const invoices = new Map<string, Json>();
  const portals = new Map<string, Json>();
  const events: StripeEvent[] = [];
  const deliveries: Delivery[] = [];
  const idempotent = new Map<string, { fingerprint: string; answer: EmulatorAnswer }>();

  const { id, reply, fail, missing, list } = answers;

  const prices = Object.values(plans).map((plan) => priceOf(plan));
  function priceOf(plan: Plan): Json {
    return {
      id: `price_${plan.id}`,
      object: "price",
      active: true,
      currency: "usd",
      lookup_key: plan.stripePrice,
      product: `prod_skyport_${plan.id}`,
      recurring: { interval: "month", interval_count: 1, usage_type: "licensed" },
      type: "recurring",
      unit_amount: plan.monthlyPriceCents,
      metadata: { plan: plan.id },
    };
  }
  const meters = createStripeMeters({ hasCustomer: (c) => customers.has(c), seconds });

  // ---- the API ----------------------------------------------------------

  function handle(req: EmulatorRequest): EmulatorAnswer | Promise<EmulatorAnswer> {
    const path = req.path.replace(/\/+$/, "");
    if (!path.startsWith("/v1/")) return page(req.method, path);
    const auth = header(req, "authorization");
    if (auth !== `Bearer ${opts.secretKey}`)
      return fail(401, "invalid_request_error", "Invalid API Key provided. Pass your secret key as a Bearer token.");
    const params = parseStripeForm(req.method === "GET" ? req.query : req.body);
    if (req.method !== "POST") return route(req.method, path, params);
    const key = header(req, "idempotency-key");
    if (!key) return route(req.method, path, params);
    // as Stripe: the same key with the same request answers what it answered; other parameters are refused
    const fingerprint = createHash("sha256")
      .update(`${req.method} ${path}\n${canonical(params)}`)
      .digest("hex");
    const seen = idempotent.get(key);
    if (seen && seen.fingerprint !== fingerprint)
      return fail(
        400,
        "idempotency_error",
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    if (seen) return { ...seen.answer, headers: { ...seen.answer.headers, "idempotent-replayed": "true" } };
    const answer = route(req.method, path, params);
    // Stripe does not keep answers to requests refused before they ran (400s on parameters are kept too)
    if (answer.status !== 401 && answer.status !== 429 && answer.status < 500) idempotent.set(key, { fingerprint, answer });
    return answer;
  }

  function route(method: string, path: string, p: Record<string, FormValue>): EmulatorAnswer {
    const parts = path.split("/").slice(2); // after "/v1"
    const [a, b, c] = parts;
    if (method === "POST" && a === "customers" && !b) return createCustomer(p);
    if (method === "GET" && a === "customers" && b && !c) return found("customer", b, customers.get(b));
    if (method === "GET" && a === "prices" && !b) {
      const keys = ([] as FormValue[]).concat(p.lookup_keys ?? []).filter((k): k is string => typeof k === "string");
      return list("/v1/prices", keys.length ? prices.filter((x) => keys.includes(x.lookup_key as string)) : prices);
    }
    if (method === "GET" && a === "prices" && b)
      return found(
        "price",
        b,
        prices.find((x) => x.id === b),
      );
    if (a === "checkout" && b === "sessions") {
      if (method === "POST" && !c) return createSession(p);
      if (method === "GET" && c) return found("checkout.session", c, sessions.get(c));
    }
    if (method === "POST" && a === "billing_portal" && b === "sessions" && !c) return createPortal(p);
    if (a === "subscriptions" && b) {
      if (method === "GET" && !c) return found("subscription", b, subscriptions.get(b));
      if (method === "DELETE" && !c) {
        const done = cancel(b);
        return done ? reply(200, done.sub) : missing("subscription", b);
      }
    }
    if (method === "GET" && a === "subscriptions" && !b) {
      const customer = text(p.customer);
      return list(
        "/v1/subscriptions",
        [...subscriptions.values()].filter((s) => !customer || s.customer === customer),
      );
    }
    if (method === "GET" && a === "invoices" && !b) return listInvoices(p);
    if (method === "GET" && a === "invoices" && b) return found("invoice", b, invoices.get(b));
    if (method === "GET" && a === "events" && b)
      return found(
        "event",
        b,
        events.find((e) => e.id === b),
      );
    if (method === "GET" && a === "events" && !b) return list("/v1/events", [...events].reverse());
    if (a === "billing") return meters.route(method, parts.slice(1), p) ?? notFound(method, path);
    return notFound(method, path);
  }

  const notFound = (method: string, path: string) => fail(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);

  const found = (what: string, key: string, object: object | undefined) => (object ? reply(200, object) : missing(what, key));

  function createCustomer(p: Record<string, FormValue>) {
    const customer = {
      id: id("cus"),
      object: "customer",
      created: seconds(),
      email: text(p.email) ?? null,
      name: text(p.name) ?? null,
      metadata: strings(p.metadata),
      livemode: false,
    };
    customers.set(customer.id, customer);
    return reply(200, customer);
  }

  function createSession(p: Record<string, FormValue>) {
    if (text(p.mode) !== "subscription")
      return fail(400, "invalid_request_error", "This emulator supports mode=subscription only.", { param: "mode" });
    const items = ([] as FormValue[]).concat(p.line_items ?? []).map(branch);
    const price = prices.find((x) => x.id === text(items[0]?.price));
    if (items.length !== 1 || !price)
      return fail(400, "invalid_request_error", "line_items[0][price] must name one known price.", { param: "line_items" });
    const successUrl = text(p.success_url);
    if (!successUrl) return fail(400, "invalid_request_error", "Missing required param: success_url.", { param: "success_url" });
    const customer = text(p.customer) ?? null;
    if (customer && !customers.has(customer)) return missing("customer", customer);
    const subData = branch(p.subscription_data);
    const trialDays = Number(text(subData.trial_period_days) ?? 0);
    if (!Number.isInteger(trialDays) || trialDays < 0 || trialDays > 730)
      return fail(400, "invalid_request_error", "trial_period_days must be a whole number of days, at most 730.", {
        param: "subscription_data[trial_period_days]",
      });
    const session: Session = {
      id: id("cs_test"),
      object: "checkout.session",
      created: seconds(),
      mode: "subscription",
      status: "open",
      payment_status: "unpaid",
      customer,
      customer_email: text(p.customer_email) ?? null,
      client_reference_id: text(p.client_reference_id) ?? null,
      success_url: successUrl,
      cancel_url: text(p.cancel_url) ?? null,
      metadata: strings(p.metadata),
      subscription: null,
      livemode: false,
      // what the subscription will be made of (Stripe keeps this server-side too)
      line_items: { object: "list", data: [{ price, quantity: Number(text(items[0]?.quantity) ?? 1) }] },
      subscription_data: { trial_period_days: trialDays || null, metadata: strings(subData.metadata) },
      url: null,
    };
    session.url = `${opts.publicBase}/checkout/${session.id}`;
    sessions.set(session.id, session);
    return reply(200, session);
  }

  function createPortal(p: Record<string, FormValue>) {
    const customer = text(p.customer) ?? "";
    if (!customers.has(customer)) return missing("customer", customer);
    const portal = {
      id: id("bps"),
      object: "billing_portal.session",
      created: seconds(),
      customer,
      return_url: text(p.return_url) ?? null,
      livemode: false,
      url: "",
    };
    portal.url = `${opts.publicBase}/portal/${portal.id}`;
    portals.set(portal.id, portal);
    return reply(200, portal);
  }

  function listInvoices(p: Record<string, FormValue>) {
    const customer = text(p.customer);
    const subscription = text(p.subscription);
    const limit = Math.min(Math.max(Number(text(p.limit) ?? 10) || 10, 1), 100);
    const all = [...invoices.values()]
      .filter((i) => (!customer || i.customer === customer) && (!subscription || subscriptionOf(i) === subscription))
      .sort((x, y) => (y.created as number) - (x.created as number));
    return reply(200, { object: "list", url: "/v1/invoices", has_more: all.length > limit, data: all.slice(0, limit) });
  }

  // ---- subscriptions and their events -----------------------------------

  function emit(type: string, object: Json): StripeEvent {
    const event = {
      id: id("evt"),
      object: "event",
      api_version: apiVersion,
      created: seconds(),
      type,
      livemode: false,
      data: { object: structuredClone(object) },
    };
    events.push(event);
    return event;
  }

  function completeCheckout(sessionId: string): { events: StripeEvent[]; successUrl: string } | undefined {
    const session = sessions.get(sessionId);
    if (session?.status !== "open") return undefined;
    const emitted: StripeEvent[] = [];
    let customer = session.customer;
    if (!customer) {
      const made = createCustomer(parseStripeForm(new URLSearchParams({ email: String(session.customer_email ?? "") }).toString()));
      customer = (made.body as { id: string }).id;
      emitted.push(emit("customer.created", customers.get(customer) as Json));
    }
    const { price, quantity } = (session.line_items as { data: { price: Json; quantity: number }[] }).data[0] as {
      price: Json;
      quantity: number;
    };
    const { trial_period_days: trialDays, metadata } = session.subscription_data as {
      trial_period_days: number | null;
      metadata: Record<string, string>;
    };
    const start = seconds();
    const trialEnd = trialDays ? start + trialDays * 86_400 : null;
    const periodEnd = trialEnd ?? addMonth(start);
    const sub: Subscription = {
      id: id("sub"),
      object: "subscription",
      created: start,
      customer,
      status: trialEnd ? "trialing" : "active",
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      start_date: start,
      trial_start: trialEnd ? start : null,
      trial_end: trialEnd,
      metadata,
      items: {
        object: "list",
        data: [{ id: id("si"), object: "subscription_item", price, quantity, current_period_start: start, current_period_end: periodEnd }],
      } as unknown as { data: Json[] },
      latest_invoice: null,
      livemode: false,
    };
    subscriptions.set(sub.id, sub);
    const invoice = makeInvoice(sub, trialEnd ? 0 : (price.unit_amount as number) * quantity, "paid");
    sub.latest_invoice = invoice.id;
    Object.assign(session, {
      status: "complete",
      payment_status: trialEnd ? "no_payment_required" : "paid",
      customer,
      subscription: sub.id,
    });
    emitted.push(emit("customer.subscription.created", sub), emit("invoice.paid", invoice), emit("checkout.session.completed", session));
    return { events: emitted, successUrl: (session.success_url as string).replace("{CHECKOUT_SESSION_ID}", session.id) };
  }

  function makeInvoice(sub: Subscription, amount: number, status: "paid" | "open"): Json {
    const item = sub.items.data[0] as Json;
    const invoice = {
      id: id("in"),
      object: "invoice",
      created: seconds(),
      customer: sub.customer,
      number: `SKY-${String(invoices.size + 1).padStart(4, "0")}`,
      currency: "usd",
      amount_due: amount,
      amount_paid: status === "paid" ? amount : 0,
      status,
      status_transitions: { finalized_at: seconds(), paid_at: status === "paid" ? seconds() : null },
      period_start: item.current_period_start,
      period_end: item.current_period_end,
      parent: { type: "subscription_details", subscription_details: { subscription: sub.id, metadata: sub.metadata } },
      hosted_invoice_url: "",
      livemode: false,
    };
    invoice.hosted_invoice_url = `${opts.publicBase}/invoices/${invoice.id}`;
    invoices.set(invoice.id, invoice);
    return invoice;
  }

  /** Moves a subscription as Stripe would (a renewal's failed payment, recovery, unpaid, cancellation), with its events. */
  function changeSubscription(subId: string, status: "active" | "past_due" | "unpaid" | "canceled" | "paused"): StripeEvent[] {
    const sub = subscriptions.get(subId);
    if (!sub) throw new Error(`no subscription ${subId}`);
    if (status === "canceled") return [(cancel(subId) as { event: StripeEvent }).event];
    const out: StripeEvent[] = [];
    const price = (sub.items.data[0] as Json).price as Json;
    if (status === "past_due") out.push(emit("invoice.payment_failed", makeInvoice(sub, price.unit_amount as number, "open")));
    if (status === "active" && sub.status !== "trialing") {
      // a recovery pays the invoice that failed; a renewal makes a new one
      const open = [...invoices.values()].find((i) => i.status === "open" && subscriptionOf(i) === sub.id);
      if (open)
        Object.assign(open, {
          status: "paid",
          amount_paid: open.amount_due,
          status_transitions: { ...(open.status_transitions as Json), paid_at: seconds() },
        });
      out.push(emit("invoice.paid", open ?? makeInvoice(sub, price.unit_amount as number, "paid")));
    }
    sub.status = status;
    out.push(emit("customer.subscription.updated", sub));
    return out;
  }

  function cancel(subId: string): { sub: Subscription; event: StripeEvent } | undefined {
    const sub = subscriptions.get(subId);
    if (!sub) return undefined;
    Object.assign(sub, { status: "canceled", canceled_at: seconds(), ended_at: seconds() });
    return { sub, event: emit("customer.subscription.deleted", sub) };
  }

  // ---- webhooks ---------------------------------------------------------

  /** The `Stripe-Signature` header for `payload` as Stripe computes it (v1 = HMAC-SHA256 of `t.payload`). */
  function sign(payload: string, secret: string, at = seconds()): string {
    return `t=${at},v1=${createHmac("sha256", secret).update(`${at}.${payload}`).digest("hex")}`;
  }

  /** Posts events to the webhook endpoint in order, one at a time, as Stripe would (each signed at sending). */
  async function deliver(list: StripeEvent[]): Promise<Delivery[]> {
    const out: Delivery[] = [];
    for (const event of list) {
      if (!webhook) break;
      const payload = JSON.stringify(event, null, 2);
      let status: number | "failed";
      try {
        const res = await fetch(webhook.url, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": sign(payload, webhook.secret) },
          body: payload,
          signal: AbortSignal.timeout(20_000),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = "failed";
      }
      const d = { eventId: event.id, type: event.type, status };
      deliveries.push(d);
      out.push(d);
    }
    return out;
  }

  // ---- the pages a browser opens ------------------------------------------

  async function page(method: string, path: string): Promise<EmulatorAnswer> {
    const [, kind, key, verb, target] = path.split("/");
    const html = (status: number, doc: string) => ({
      status,
      body: doc,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
    const see = (to: string) => ({ status: 303, body: "", headers: { location: to } });
    if (kind === "checkout" && key) {
      const session = sessions.get(key);
      if (!session) return html(404, "<!doctype html><title>Not found</title><p>No such checkout session.</p>");
      if (method === "GET" && !verb) {
        const { price, quantity } = (session.line_items as { data: { price: Json; quantity: number }[] }).data[0] as {
          price: Json;
          quantity: number;
        };
        return html(200, checkoutPage({ base: opts.publicBase, session, price, quantity }));
      }
      if (method === "POST" && verb === "pay") {
        const done = completeCheckout(key);
        if (!done) return see(session.success_url as string);
        await deliver(done.events);
        return see(done.successUrl);
      }
    }
    if (kind === "portal" && key) {
      const portal = portals.get(key);
      if (!portal) return html(404, "<!doctype html><title>Not found</title><p>No such portal session.</p>");
      const subs = [...subscriptions.values()].filter((s) => s.customer === portal.customer);
      if (method === "GET" && !verb) return html(200, portalPage({ base: opts.publicBase, portal, subscriptions: subs }));
      if (method === "POST" && verb === "cancel" && target && subs.some((s) => s.id === target)) {
        await deliver(changeSubscription(target, "canceled"));
        return see(`${opts.publicBase}/portal/${key}`);
      }
    }
    if (kind === "invoices" && key && method === "GET") {
      const invoice = invoices.get(key);
      if (invoice) return html(200, invoicePage(invoice));
    }
    return html(404, "<!doctype html><title>Not found</title><p>Not found.</p>");
  }

  return {
    handle,
    /** completes a Checkout Session as the hosted page's "Pay" does, without posting: the events it made, in Stripe's order */
    completeCheckout,
    /** moves a subscription as Stripe would; the events it made (not posted) */
    changeSubscription,
    /** posts events to the configured endpoint, signed; what each answered */
    deliver,
    sign,
    setWebhook(target: { url: string; secret: string } | undefined) {
      webhook = target;
    },
    events: (): readonly StripeEvent[] => events,
    deliveries: (): readonly Delivery[] => deliveries,
    subscription: (subId: string) => subscriptions.get(subId),
    /**
     * Every meter event accepted, in arrival order, once per identifier (a
     * repeat is not counted). Over HTTP the same numbers come from Stripe's
     * own `GET /v1/billing/meters` and `GET /v1/billing/meters/{id}/event_summaries`.
     */
    meterEvents: (): AcceptedMeterEvent[] => meters.accepted(),
    /** meter events refused as repeats of an identifier already accepted */
    duplicateMeterEvents: () => meters.duplicates(),
  };
}

export type StripeEmulator = ReturnType<typeof createStripeEmulator>;

function header(req: EmulatorRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Parameters in a stable order, so the same request always has the same fingerprint. */
function canonical(v: FormValue): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k] as FormValue)}`)
    .join(",")}}`;
}

function subscriptionOf(invoice: Json): string | undefined {
  return (invoice.parent as { subscription_details?: { subscription?: string } } | null)?.subscription_details?.subscription;
}

function addMonth(at: number): number {
  const d = new Date(at * 1000);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return Math.floor(d.getTime() / 1000);
}

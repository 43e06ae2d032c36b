"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { instanceHolder, tenantState } from "@/lib/backoffice";
import { plans } from "@/lib/billing";
import { channels } from "@/lib/config";
import { runtime } from "@/lib/runtime";
import {
  aliyunCloudEmulator,
  awsCloudEmulator,
  awsEmulator,
  callThroughConsole,
  changeBuyerIamRole,
  changeBuyerRole,
  marketEmulator,
  publish,
  recordExchange,
  type SandboxOrder,
  sendOrder,
  subscribe,
} from "@/lib/sandbox";
import { ownOrigin } from "./own-origin";
import { requireSandbox } from "./require-sandbox";
import { cloudMoves } from "./role-controls";
import { claim, sandboxClaims } from "./sandbox-claims";
import { isAwsAccountId, isSandboxId, readSandboxDays } from "./sandbox-fields";

const orderOps = ["buy", "renew", "upgrade", "expire", "release", "refund"] as const;
const awsEvents = ["entitlement-updated", "unsubscribe-pending", "unsubscribe-success", "subscribe-success", "subscribe-fail"] as const;
const field = (data: FormData, name: string, fallback = "") => String(data.get(name) ?? fallback).trim();

/** Alibaba: an SPI order call for an instance this browser bought (or buys now, if nobody holds it). */
export async function sendAliyunOrder(data: FormData) {
  await requireSandbox();
  const { config } = runtime();
  const [aliUid, instanceId, days] = [field(data, "aliUid"), field(data, "instanceId"), readSandboxDays(field(data, "days", "30"))];
  if (!isSandboxId(aliUid) || !isSandboxId(instanceId) || days === undefined) redirect("/sandbox?refused=invalid");
  const order: SandboxOrder = {
    op: orderOps.find((o) => o === data.get("op")) ?? "buy",
    aliUid,
    instanceId,
    skuId: field(data, "sku", plans.standard.skus.aliyun),
    trial: data.get("trial") === "on",
    days,
  };
  const keep = new URLSearchParams({
    aliUid: order.aliUid,
    instanceId: order.instanceId,
    sku: order.skuId,
    trial: String(order.trial),
    days: String(order.days),
  });
  const claims = await sandboxClaims();
  const mine = (uid: string) => claims.accounts.includes(`aliyun:${uid}`);
  // free login opens the tenant that holds the instance: this browser may buy only an
  // instance nobody else holds, for an account nobody else bought for, and move only its own
  const findRefusal = async () => {
    if (order.op !== "buy") return claims.instances.includes(order.instanceId) ? undefined : "notYours";
    const holder = await instanceHolder(order.instanceId);
    if (holder && !mine(holder)) return "taken";
    if (!mine(order.aliUid) && (await tenantState("aliyun", order.aliUid))) return "accountTaken";
    return undefined;
  };
  const refused = await findRefusal();
  if (refused) {
    keep.set("refused", refused);
    redirect(`/sandbox?${keep}`);
  }
  if (order.op === "buy") await claim({ accounts: `aliyun:${order.aliUid}`, instances: order.instanceId });
  await sendOrder(
    await ownOrigin(),
    config.ALIYUN_SPI_KEY,
    order,
    marketEmulator(config.ALIYUN_ACCESS_KEY_ID, config.ALIYUN_ACCESS_KEY_SECRET),
  );
  redirect(`/sandbox?${keep}`);
}

/** Alibaba: the buyer grants, revokes or breaks the RAM role in their own (emulated) account. */
export async function moveAliyunRole(data: FormData) {
  await requireSandbox();
  const { config } = runtime();
  const aliUid = field(data, "aliUid");
  const instanceId = field(data, "instanceId");
  const move = cloudMoves.find((m) => m === data.get("move")) ?? "grant";
  const owned = (await sandboxClaims()).accounts.includes(`aliyun:${aliUid}`);
  const access = owned ? (await tenantState("aliyun", aliUid))?.cloudAccess.find((a) => a.provider === "aliyun") : undefined;
  if (access?.roleArn)
    changeBuyerRole(aliyunCloudEmulator(config), move, {
      arn: access.roleArn,
      isvUid: config.ALIYUN_ISV_UID,
      externalId: access.externalId,
    });
  redirect(`/sandbox?${new URLSearchParams({ aliUid, instanceId })}`);
}

/** AWS: subscribe an account (AWS issues a registration token), or send a lifecycle notification for it. */
export async function actOnAws(data: FormData) {
  await requireSandbox();
  const { config } = runtime();
  const account = field(data, "account");
  if (!isAwsAccountId(account)) redirect("/sandbox/aws?refused=invalid");
  const keep = new URLSearchParams({ account, dimension: field(data, "dimension", plans.standard.skus.aws) });
  const op = field(data, "op");
  const owned = (await sandboxClaims()).accounts.includes(`aws:${account}`);
  if (op === "subscribe") {
    if (!owned && (await tenantState("aws", account))) keep.set("refused", "taken");
    else {
      await claim({ accounts: `aws:${account}` });
      const emulator = awsEmulator(config.AWS_MARKETPLACE_ACCESS_KEY_ID, config.AWS_MARKETPLACE_SECRET_ACCESS_KEY, config.AWS_REGION);
      keep.set(
        "token",
        subscribe(emulator, {
          accountId: account,
          dimension: keep.get("dimension") ?? "",
          productCode: config.AWS_PRODUCT_CODE,
          days: 365,
        }),
      );
    }
  } else if (!owned) keep.set("refused", "notYours");
  else {
    const event = awsEvents.find((e) => e === op);
    const topics = config.AWS_SNS_TOPIC_ARNS;
    const topic = topics.find((a) => a.includes(event === "entitlement-updated" ? "entitlement" : "subscription")) ?? topics[0] ?? "";
    const certificates = runtime().endpoints.snsCertificates ?? "";
    if (event)
      recordExchange(`aws:${account}`, await publish(await ownOrigin(), certificates, topic, config.AWS_PRODUCT_CODE, event, account));
  }
  redirect(`/sandbox/aws?${keep}`);
}

/** AWS: the buyer's moves on the IAM role the quick-create stack made. */
export async function moveAwsRole(data: FormData) {
  await requireSandbox();
  const { config } = runtime();
  const account = field(data, "account");
  const move = cloudMoves.find((m) => m === data.get("move")) ?? "grant";
  const owned = (await sandboxClaims()).accounts.includes(`aws:${account}`);
  const access = owned ? (await tenantState("aws", account))?.cloudAccess.find((a) => a.provider === "aws") : undefined;
  if (access)
    changeBuyerIamRole(awsCloudEmulator(config), move, {
      arn: `arn:aws:iam::${account}:role/${config.AWS_ROLE_NAME}`,
      isvAccount: config.AWS_ISV_ACCOUNT_ID,
      externalId: access.externalId,
    });
  redirect(`/sandbox/aws?${new URLSearchParams({ account })}`);
}

/** The cloud console's proxy: one signed gateway call, kept for this browser's eyes only. */
export async function callAsConsole(data: FormData) {
  await requireSandbox();
  const { config } = runtime();
  const form = {
    channel: channels.find((c) => c === data.get("channel")) ?? "aliyun",
    parentUid: field(data, "parentUid"),
    uid: field(data, "uid"),
    action: field(data, "action", "DescribeTenant"),
    params: String(data.get("params") ?? "{}"),
  };
  const { browser } = await claim({});
  const key = config.CONSOLE_KEYS.find((k) => k.channel === form.channel);
  let params: object | undefined;
  try {
    params = JSON.parse(form.params);
  } catch {} // answered below, as a reason the page translates
  const t = await getTranslations();
  const exchange =
    key && params
      ? await callThroughConsole(await ownOrigin(), key, { ...form, uid: form.uid || form.parentUid, params })
      : { request: "", status: 0, response: t("sandbox.notSent", { value: key ? "json" : "key", code: "" }) };
  recordExchange(`console:${browser}`, { at: new Date().toISOString(), ...exchange });
  redirect(`/sandbox/console?${new URLSearchParams(form)}`);
}

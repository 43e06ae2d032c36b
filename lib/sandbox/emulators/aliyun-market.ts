import { randomUUID } from "node:crypto";
import { createPopVerifier } from "./pop-signature";

export type MarketInstance = {
  status: "OPENING" | "OPENED" | "EXPIRED" | "CLOSED";
  isTrial: boolean;
  beganOn: number;
  endOn: number | null;
  sku: string;
};
/** A metering record the marketplace accepted, by SerialNo. */
export type AcceptedMetering = { instanceId: string; startTime: number; endTime: number; key: string; value: number };
export type ParkedNotification = { id: string; action: "orderPay"; params: Record<string, string> };

/**
 * The Alibaba Cloud Market OpenAPI (2015-11-01), as far as Skyport uses it:
 * DescribeInstance, DescribeFailedNotifications, ConfirmNotification,
 * CrossAccountVerifyToken, PushMeteringData. Requests must carry a valid POP
 * v1 signature. Its state is what the sandbox marketplace sold, and the
 * metering it accepted (`metering`, by SerialNo: a SerialNo sent again is
 * taken once — the public docs do not say; Skyport relies on it and
 * docs/billing.md says so).
 */
export function createMarketEmulator(accessKeys: ReadonlyMap<string, string>, now: () => number = Date.now) {
  const verify = createPopVerifier(accessKeys, now);
  const instances = new Map<string, MarketInstance>();
  const parked: ParkedNotification[] = [];
  const authorizations = new Map<string, { uid: string; roles: string[] }>();
  const metering = new Map<string, AcceptedMetering>();
  const lastPush = new Map<string, number>(); // instance → when it last pushed

  const answer = (status: number, body: object) => ({ status, body: { RequestId: randomUUID().toUpperCase(), ...body } });
  const error = (status: number, code: string, message: string) => answer(status, { Code: code, Message: message });

  function handle(method: string, rawQuery: string, form = "") {
    const checked = verify(method, method === "POST" ? form : rawQuery);
    if (!checked.ok) return error(checked.status, checked.code, checked.message);
    const p = checked.params;
    if (p.Version !== "2015-11-01") return error(400, "InvalidVersion", "Specified parameter Version is not valid.");
    switch (p.Action) {
      case "DescribeInstance": {
        const i = instances.get(p.InstanceId ?? "");
        if (!i) return error(404, "InstanceNotFound", `No instance ${p.InstanceId}.`);
        return answer(200, {
          InstanceId: p.InstanceId,
          Status: i.status,
          IsTrial: i.isTrial,
          BeganOn: i.beganOn,
          EndOn: i.endOn,
          ProductSkuCode: i.sku,
        });
      }
      case "DescribeFailedNotifications": {
        const size = Math.min(Math.max(Number(p.PageSize ?? 10), 1), 100);
        const page = Math.max(Number(p.PageNumber ?? 1), 1);
        const slice = parked.slice((page - 1) * size, page * size);
        return answer(200, {
          TotalCount: parked.length,
          PageNumber: page,
          PageSize: size,
          Notifications: slice.map((n) => ({ NotificationRequestId: n.id, Action: n.action, Params: n.params })),
        });
      }
      case "ConfirmNotification": {
        const at = parked.findIndex((n) => n.id === p.NotificationRequestId);
        if (at < 0) return error(404, "NotificationNotFound", `No notification ${p.NotificationRequestId}.`);
        parked.splice(at, 1);
        return answer(200, { Success: true });
      }
      case "CrossAccountVerifyToken": {
        const grant = authorizations.get(p.Token ?? "");
        if (!grant) return error(400, "InvalidToken", "The token is invalid or was used already.");
        authorizations.delete(p.Token as string);
        return answer(200, {
          Result: { Uid: grant.uid, Name: `buyer-${grant.uid}`, AuthTime: new Date(now()).toISOString(), AuthRoles: grant.roles },
        });
      }
      case "PushMeteringData":
        return pushMeteringData(p.Metering);
      default:
        return error(404, "InvalidAction.NotFound", `Specified api ${p.Action} is not found.`);
    }
  }

  const meteringKeys = new Set([
    "Frequency",
    "Period",
    "PeriodMin",
    "Storage",
    "NetworkIn",
    "NetworkOut",
    "Character",
    "DailyActiveUser",
    "VirtualCpu",
    "Unit",
    "Memory",
    "KTokens",
    "Suit",
    "StorageGigaByte",
  ]);

  /** aliyun-marketplace-spi.md §2: ≤100 records, one call per instance a minute, hourly data by the end of the next hour. */
  function pushMeteringData(raw: string | undefined) {
    let records: { InstanceId?: unknown; StartTime?: unknown; EndTime?: unknown; Entities?: unknown; SerialNo?: unknown }[];
    try {
      records = JSON.parse(raw ?? "");
    } catch {
      return error(400, "InvalidParameter.Metering", "Metering must be a JSON string.");
    }
    if (!Array.isArray(records) || records.length === 0 || records.length > 100)
      return error(400, "InvalidParameter.Metering", "Metering must hold 1 to 100 records.");
    const at = now();
    for (const r of records) {
      const start = Number(r.StartTime);
      const end = Number(r.EndTime);
      const entities = r.Entities as { Key?: unknown; Value?: unknown }[];
      if (!instances.has(String(r.InstanceId))) return error(404, "InstanceNotFound", `No instance ${r.InstanceId}.`);
      if (!(end - start > 300)) return error(400, "InvalidParameter.Time", "EndTime - StartTime must exceed 5 minutes.");
      if (at > (Math.floor(start / 3600) + 2) * 3_600_000)
        return error(400, "InvalidParameter.Time", "Hourly data must arrive by the end of the following hour.");
      if (
        !Array.isArray(entities) ||
        entities.some((e) => !meteringKeys.has(String(e.Key)) || !Number.isInteger(e.Value) || (e.Value as number) < 0)
      )
        return error(400, "InvalidParameter.Entities", "Each entity needs a known Key and an integer Value >= 0.");
    }
    const pushed = new Set(records.map((r) => String(r.InstanceId)));
    for (const instance of pushed)
      if (at - (lastPush.get(instance) ?? 0) < 60_000)
        return error(400, "Throttling.User", `Instance ${instance} pushed less than 60 s ago.`);
    for (const instance of pushed) lastPush.set(instance, at);
    for (const r of records)
      for (const e of r.Entities as { Key: string; Value: number }[])
        if (!metering.has(`${r.SerialNo}:${e.Key}`))
          metering.set(`${r.SerialNo}:${e.Key}`, {
            instanceId: String(r.InstanceId),
            startTime: Number(r.StartTime),
            endTime: Number(r.EndTime),
            key: e.Key,
            value: e.Value,
          });
    return answer(200, { Success: true });
  }

  /** The buyer authorized `roles` for the ISV: a one-time token for the return URL. */
  function authorize(uid: string, roles: string[]): string {
    const token = randomUUID();
    authorizations.set(token, { uid, roles });
    return token;
  }

  return { handle, instances, parked, authorize, metering };
}

export type MarketEmulator = ReturnType<typeof createMarketEmulator>;

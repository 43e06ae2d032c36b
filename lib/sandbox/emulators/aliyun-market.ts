import { randomUUID } from "node:crypto";
import { createPopVerifier } from "./pop-signature";

export type MarketInstance = {
  status: "OPENING" | "OPENED" | "EXPIRED" | "CLOSED";
  isTrial: boolean;
  beganOn: number;
  endOn: number | null;
  sku: string;
};
export type ParkedNotification = { id: string; action: "orderPay"; params: Record<string, string> };

/**
 * The Alibaba Cloud Market OpenAPI (2015-11-01), as far as Skyport uses it:
 * DescribeInstance, DescribeFailedNotifications, ConfirmNotification,
 * CrossAccountVerifyToken. Requests must carry a valid POP v1
 * signature. Its state is what the sandbox marketplace sold.
 */
export function createMarketEmulator(accessKeys: ReadonlyMap<string, string>, now: () => number = Date.now) {
  const verify = createPopVerifier(accessKeys, now);
  const instances = new Map<string, MarketInstance>();
  const parked: ParkedNotification[] = [];
  const authorizations = new Map<string, { uid: string; roles: string[] }>();

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
      default:
        return error(404, "InvalidAction.NotFound", `Specified api ${p.Action} is not found.`);
    }
  }

  /** The buyer authorized `roles` for the ISV: a one-time token for the return URL. */
  function authorize(uid: string, roles: string[]): string {
    const token = randomUUID();
    authorizations.set(token, { uid, roles });
    return token;
  }

  return { handle, instances, parked, authorize };
}

export type MarketEmulator = ReturnType<typeof createMarketEmulator>;

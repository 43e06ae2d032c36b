import RPCClient from "@alicloud/pop-core";

export type MarketApiConfig = { endpoint: string; accessKeyId: string; accessKeySecret: string };

export type MarketInstanceState = {
  status: "OPENING" | "OPENED" | "EXPIRED" | "CLOSED";
  endOn: Date | null;
  sku: string;
  isTrial: boolean;
};
export type FailedNotification = { id: string; action: string; params: Record<string, string> };
/** One PushMeteringData record (aliyun-marketplace-spi.md §2): times in unix seconds, integer values. */
export type AliyunMeteringRecord = {
  InstanceId: string;
  StartTime: number;
  EndTime: number;
  Entities: { Key: string; Value: number }[];
  SerialNo: string;
};

/**
 * The Market OpenAPI (2015-11-01) through the real SDK; only the endpoint
 * differs between production (market.aliyuncs.com) and the sandbox emulator.
 * The public docs do not show DescribeFailedNotifications' response; its
 * reading is kept to this one function (docs/marketplaces.md).
 */
export function createMarketApi(config: MarketApiConfig) {
  const client = new RPCClient({ ...config, apiVersion: "2015-11-01" });
  const call = <T>(action: string, params: Record<string, unknown>) =>
    client.request<T>(action, params, { method: "GET", timeout: 10_000, formatParams: false });
  return {
    async describeInstance(instanceId: string): Promise<MarketInstanceState> {
      const r = await call<{ Status: MarketInstanceState["status"]; EndOn: number | null; ProductSkuCode: string; IsTrial: boolean }>(
        "DescribeInstance",
        { InstanceId: instanceId },
      );
      return { status: r.Status, endOn: r.EndOn ? new Date(r.EndOn) : null, sku: r.ProductSkuCode, isTrial: r.IsTrial };
    },
    async describeFailedNotifications(pageNumber: number, pageSize: number) {
      const r = await call<{
        TotalCount: number;
        Notifications?: { NotificationRequestId: string; Action: string; Params: Record<string, string> }[];
      }>("DescribeFailedNotifications", { PageNumber: pageNumber, PageSize: pageSize });
      const notifications: FailedNotification[] = (r.Notifications ?? []).map((n) => ({
        id: n.NotificationRequestId,
        action: n.Action,
        params: n.Params,
      }));
      return { total: r.TotalCount, notifications };
    },
    /** The token the marketplace hands back after a buyer authorized a role (spec §3). */
    async crossAccountVerifyToken(token: string): Promise<{ uid: string; roles: string[] }> {
      const r = await call<{ Result: { Uid: string | number; Name?: string; AuthTime?: string; AuthRoles?: string[] } }>(
        "CrossAccountVerifyToken",
        { Token: token },
      );
      return { uid: String(r.Result.Uid), roles: r.Result.AuthRoles ?? [] };
    },
    async confirmNotification(id: string): Promise<void> {
      await call("ConfirmNotification", { NotificationRequestId: id });
    },
    /** At most 100 records, one product; `Metering` is a JSON string, sent in a form body (it outgrows a URL). */
    async pushMeteringData(records: AliyunMeteringRecord[]): Promise<void> {
      await client.request(
        "PushMeteringData",
        { Metering: JSON.stringify(records) },
        { method: "POST", timeout: 10_000, formatParams: false },
      );
    },
  };
}

export type MarketApi = ReturnType<typeof createMarketApi>;

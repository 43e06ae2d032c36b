import type { UsageRecord } from "@aws-sdk/client-marketplace-metering";
import type { ChannelAnswer, MeteringChannel, RecordToSend } from "../../billing";
import type { AwsMarketplaceApi } from "./aws-api";

export const maxRecordsPerCall = 25;

/** Faults worth another try later: throttled, AWS-side, or no answer at all. */
const transient = /Throttling|InternalServiceError|ServiceUnavailable|TimeoutError|NetworkingError|ECONN|socket/i;

/**
 * AWS's side of the metering push: BatchMeterUsage through the real SDK, 25
 * records a call, each naming CustomerAWSAccountId and LicenseArn (the
 * tenant's latest license). Per record: `Success` is accepted;
 * `CustomerNotSubscribed` rejected; `DuplicateRecord` (AWS holds another
 * quantity for that hour) rejected, so reconciliation shows the mismatch;
 * `UnprocessedRecords` are sent again later. A whole call refused for a
 * transient fault is retried, for anything else (a bad LicenseArn, a
 * timestamp out of bounds) rejected with AWS's reason.
 */
export function awsMetering(api: Pick<AwsMarketplaceApi, "batchMeterUsage">): MeteringChannel {
  return {
    channel: "aws",
    async send(records) {
      const answers: ChannelAnswer[] = [];
      const ready: RecordToSend[] = [];
      for (const r of records) {
        if (r.target.instanceId?.startsWith("arn:")) ready.push(r);
        else answers.push({ id: r.id, outcome: "rejected", reason: "the tenant has no AWS license (LicenseArn) to bill" });
      }
      for (let i = 0; i < ready.length; i += maxRecordsPerCall)
        answers.push(...(await sendCall(api, ready.slice(i, i + maxRecordsPerCall))));
      return answers;
    },
  };
}

async function sendCall(api: Pick<AwsMarketplaceApi, "batchMeterUsage">, call: RecordToSend[]): Promise<ChannelAnswer[]> {
  const keyOf = (u: UsageRecord) => `${u.LicenseArn}|${u.Dimension}|${u.Timestamp?.getTime()}`;
  const byKey = new Map(call.map((r) => [keyOf(usageRecord(r)), r]));
  try {
    const out = await api.batchMeterUsage(call.map(usageRecord));
    const answers: ChannelAnswer[] = [];
    for (const result of out.Results ?? []) {
      const r = result.UsageRecord && byKey.get(keyOf(result.UsageRecord));
      if (!r) continue;
      byKey.delete(keyOf(result.UsageRecord as UsageRecord));
      if (result.Status === "Success")
        answers.push({ id: r.id, outcome: "accepted", quantity: r.quantity, detail: { meteringRecordId: result.MeteringRecordId } });
      else answers.push({ id: r.id, outcome: "rejected", reason: String(result.Status), detail: { status: result.Status } });
    }
    // unprocessed, or not answered at all: again later, the same record
    for (const r of byKey.values()) answers.push({ id: r.id, outcome: "retry", reason: "UnprocessedRecords" });
    return answers;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    const retry = transient.test(`${e.name} ${e.message}`) || (e.$metadata?.httpStatusCode ?? 500) >= 500;
    return call.map((r) => ({ id: r.id, outcome: retry ? "retry" : "rejected", reason: `${e.name}: ${e.message}` }));
  }
}

function usageRecord(r: RecordToSend): UsageRecord {
  return {
    Timestamp: r.hour,
    CustomerAWSAccountId: r.target.account,
    LicenseArn: r.target.instanceId as string,
    Dimension: r.dimension,
    Quantity: Number(r.quantity),
  };
}

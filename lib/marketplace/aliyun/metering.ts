import { type ChannelAnswer, type MeteringChannel, metricById, type RecordToSend } from "../../billing";
import type { AliyunMeteringRecord, MarketApi } from "./market-api";

export const maxRecordsPerCall = 100;

/** Codes the Market OpenAPI answers for a fault worth another try later (throttled, busy, down). */
const transient = /^(Throttling|ServiceUnavailable|InternalError|SystemBusy|RequestTimeout)/i;

/**
 * Alibaba's side of the metering push: PushMeteringData through the real
 * SDK. Each record is one metering record of one entity, its SerialNo the
 * record's id (the same on a retry: the marketplace keeps the first);
 * `Period` counts seconds, so a host-hour is 3600 of it (the catalogue's
 * scale). An instance's records travel in one call (the API takes one call
 * per instance a minute), up to 100 records a call.
 */
export function aliyunMetering(api: Pick<MarketApi, "pushMeteringData">): MeteringChannel {
  return {
    channel: "aliyun",
    async send(records) {
      const answers: ChannelAnswer[] = [];
      const byInstance = new Map<string, RecordToSend[]>();
      for (const r of records) {
        const instance = r.target.instanceId;
        if (!instance) answers.push({ id: r.id, outcome: "rejected", reason: "the tenant has no Alibaba instance to bill" });
        else byInstance.set(instance, [...(byInstance.get(instance) ?? []), r]);
      }
      const { calls, later } = packCalls([...byInstance.values()]);
      for (const r of later)
        answers.push({ id: r.id, outcome: "retry", reason: "over 100 records for one instance: the rest go in a later call" });
      for (const call of calls) {
        try {
          await api.pushMeteringData(call.map(meteringRecord));
          for (const r of call) answers.push({ id: r.id, outcome: "accepted", quantity: r.quantity, detail: { serialNo: r.id } });
        } catch (err) {
          const code = (err as { code?: string }).code;
          const reason = code ? `${code}: ${(err as Error).message.split(", URL:")[0]}` : (err as Error).message;
          const outcome = !code || transient.test(code) ? "retry" : "rejected";
          for (const r of call) answers.push({ id: r.id, outcome, reason });
        }
      }
      return answers;
    },
  };
}

function meteringRecord(r: RecordToSend): AliyunMeteringRecord {
  const metric = metricById(r.metric);
  const billed = metric?.billedAs.aliyun;
  if (!billed) throw new Error(`${r.metric} is not billed on Alibaba`);
  const start = Math.floor(r.hour.getTime() / 1000);
  return {
    InstanceId: r.target.instanceId as string,
    StartTime: start,
    EndTime: start + 3600,
    Entities: [{ Key: billed.key, Value: Math.round(Number(r.quantity) * billed.scale) }],
    SerialNo: r.id,
  };
}

/** Calls of at most 100 records, each instance's records in one call; an instance's records past 100 wait for a later run. */
function packCalls(groups: RecordToSend[][]) {
  const calls: RecordToSend[][] = [];
  const later: RecordToSend[] = [];
  let current: RecordToSend[] = [];
  for (const group of groups) {
    const records = group.slice(0, maxRecordsPerCall);
    later.push(...group.slice(maxRecordsPerCall));
    if (current.length + records.length > maxRecordsPerCall) {
      calls.push(current);
      current = [];
    }
    current.push(...records);
  }
  if (current.length) calls.push(current);
  return { calls, later };
}

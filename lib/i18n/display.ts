import { TZDate } from "@date-fns/tz";

export const currencies = ["CNY", "USD"] as const;
type Currency = (typeof currencies)[number];

const zones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);

export const isTimeZone = (zone: string | null | undefined): zone is string => !!zone && zones.has(zone);

/**
 * A wall-clock time with no zone, as a datetime-local field sends it
 * ("2026-12-01T10:00"), read in the viewer's zone: the instant, in UTC
 * ("2026-12-01T02:00:00.000Z" in Asia/Shanghai). Never the server process's
 * own zone. Any other text is handed back for the schema to refuse.
 */
export function instantOfWallTime(wall: string, zone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) return wall;
  const [year, month, day, hour, minute, second] = m.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, zone).getTime()).toISOString();
}

/**
 * How times and amounts are shown: what the viewer chose, else what their
 * channel's buyers expect (Alibaba Cloud: Asia/Shanghai and CNY), else UTC
 * and USD.
 */
export function displayPreferences(viewer: { channel?: string | undefined; zone?: string | undefined; currency?: string | undefined }) {
  const alibaba = viewer.channel === "aliyun";
  return {
    timeZone: isTimeZone(viewer.zone) ? viewer.zone : alibaba ? "Asia/Shanghai" : "UTC",
    currency: currencies.find((c) => c === viewer.currency) ?? (alibaba ? "CNY" : "USD"),
  };
}

/** The named formats pages use: `format.dateTime(at, "console")`, `format.number(amount, "money")`. */
export function formatsFor(currency: Currency) {
  return {
    dateTime: {
      // the zone is always named: a console is read from many zones
      console: {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZoneName: "short",
      },
      // where a list has no room for the hour: the day in the same zone
      day: { year: "numeric", month: "short", day: "numeric" },
    },
    number: { money: { style: "currency", currency } },
  } as const;
}

export type Formats = ReturnType<typeof formatsFor>;

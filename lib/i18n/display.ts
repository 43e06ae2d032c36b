export const currencies = ["CNY", "USD"] as const;
type Currency = (typeof currencies)[number];

const zones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);

export const isTimeZone = (zone: string | null | undefined): zone is string => !!zone && zones.has(zone);

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

/** A time in the viewer's zone, with the zone named (rendered server-side in UTC until the zone is known). */
export function Time({ value, locale }: { value: Date | string | null; locale: string }) {
  if (!value) return <>—</>;
  const date = typeof value === "string" ? new Date(value) : value;
  const text = date.toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });
  return <time dateTime={date.toISOString()}>{text} UTC</time>;
}

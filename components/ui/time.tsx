import { getFormatter } from "next-intl/server";

/** A time in the viewer's zone (their choice, else their channel's), with the zone named; UTC on hover. */
export async function Time({ value }: { value: Date | string | null }) {
  if (!value) return <>—</>;
  const date = typeof value === "string" ? new Date(value) : value;
  const format = await getFormatter();
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} className="whitespace-nowrap">
      {format.dateTime(date, "console")}
    </time>
  );
}

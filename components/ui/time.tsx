import { getFormatter } from "next-intl/server";

/** A time in the viewer's zone (their choice, else their channel's), with the zone named (or only its day); UTC on hover. */
export async function Time({ value, day = false }: { value: Date | string | null; day?: boolean }) {
  if (!value) return <>—</>;
  const date = typeof value === "string" ? new Date(value) : value;
  const format = await getFormatter();
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} className="whitespace-nowrap">
      {format.dateTime(date, day ? "day" : "console")}
    </time>
  );
}

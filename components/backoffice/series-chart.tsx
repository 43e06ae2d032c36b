"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Series = { key: string; name: string; color: string };
export type Point = { label: string } & Record<string, number | string>;

/**
 * A line or bar chart of a few series over time, sized to its column. The
 * page always shows the same numbers in a table beside it: the chart is for
 * looking, the table for reading.
 */
export function SeriesChart({ kind, data, series, title }: { kind: "line" | "bar"; data: Point[]; series: Series[]; title: string }) {
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
      <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
      <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={48} />
      <Tooltip />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <figure className="min-w-0" aria-label={title} data-testid="chart">
      <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 320, height: 240 }}>
        {kind === "line" ? (
          <LineChart data={data}>
            {axes}
            {series.map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data}>
            {axes}
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}

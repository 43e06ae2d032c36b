"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One metric's usage per day as bars (recharts); the numbers stand beside it on the page. */
export function UsageChart({ label, days }: { label: string; days: { day: string; value: number }[] }) {
  return (
    <figure className="h-36 min-w-0" aria-label={label} data-testid="usage-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#e5e7eb" />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(8)} tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} width={40} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => [v, label]} />
          <Bar dataKey="value" fill="#0070cc" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

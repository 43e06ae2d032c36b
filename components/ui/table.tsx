import { Children } from "react";

type Column = string | { label: string; numeric?: boolean };

/** Dense console tables: 32 px rows, grey borders; scrolls inside itself, never the page. */
export function Table({ head, children, empty }: { head: Column[]; children: React.ReactNode; empty?: React.ReactNode }) {
  const rows = Children.toArray(children).length; // nested lists flattened; false and null are not rows
  return (
    <div className="overflow-x-auto rounded border border-gray-200 bg-white">
      <table className="min-w-full text-left">
        <thead className="bg-gray-50 text-xs text-gray-500">
          <tr>
            {head.map((column) => {
              const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
              return (
                // a figure is narrower than its column's name: that name may take two lines, never one word or character a line
                <th key={label} className={`h-8 px-3 font-medium ${numeric ? "min-w-24 text-right" : "whitespace-nowrap"}`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">{children}</tbody>
      </table>
      {rows === 0 && empty && <p className="px-3 py-6 text-center text-gray-500">{empty}</p>}
    </div>
  );
}

/**
 * One table cell. A `fill` cell takes the width its row leaves free (at least 8rem) and cuts its text to it
 * with an ellipsis: for free text such as a name, so that a long one never pushes the other columns out of view.
 */
export function Cell({ children, numeric, mono, fill }: { children: React.ReactNode; numeric?: boolean; mono?: boolean; fill?: boolean }) {
  return (
    // mono cells hold identifiers: data, never translated
    <td
      className={`h-8 px-3 whitespace-nowrap ${numeric ? "text-right tabular-nums" : ""} ${mono ? "font-mono text-xs" : ""} ${fill ? "w-full max-w-0 min-w-32 truncate" : ""}`}
      translate={mono ? "no" : undefined}
    >
      {children}
    </td>
  );
}

type Column = string | { label: string; numeric?: boolean };

/** Dense console tables: 32 px rows, grey borders; scrolls inside itself, never the page. */
export function Table({ head, children, empty }: { head: Column[]; children: React.ReactNode; empty?: React.ReactNode }) {
  const rows = Array.isArray(children) ? children.length : children ? 1 : 0;
  return (
    <div className="overflow-x-auto rounded border border-gray-200 bg-white">
      <table className="min-w-full text-left">
        <thead className="bg-gray-50 text-xs text-gray-500">
          <tr>
            {head.map((column) => {
              const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
              return (
                <th key={label} className={`h-8 px-3 font-medium whitespace-nowrap ${numeric ? "text-right" : ""}`}>
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

export function Cell({ children, numeric, mono }: { children: React.ReactNode; numeric?: boolean; mono?: boolean }) {
  return (
    // mono cells hold identifiers: data, never translated
    <td
      className={`h-8 px-3 whitespace-nowrap ${numeric ? "text-right tabular-nums" : ""} ${mono ? "font-mono text-xs" : ""}`}
      translate={mono ? "no" : undefined}
    >
      {children}
    </td>
  );
}

/** A labelled select, console density (32 px). */
export function SelectField({
  label,
  options,
  ...select
}: { label: string; options: readonly string[] } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className="block">
      <span className="text-xs text-gray-500">{label}</span>
      <select {...select} className="mt-1 block h-8 rounded border border-gray-300 px-2">
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );
}

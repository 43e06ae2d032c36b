type Option = string | { value: string; label: string };

/** A labelled select, console density (32 px). */
export function SelectField({
  label,
  options,
  ...select
}: { label: string; options: readonly Option[] } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className="block">
      <span className="text-xs text-gray-500">{label}</span>
      <select {...select} className="mt-1 block h-8 max-w-full rounded border border-gray-300 bg-white px-2">
        {options.map((o) => {
          const { value, label: text } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}

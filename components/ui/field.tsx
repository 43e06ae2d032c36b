/** A labelled text input, console density (32 px). */
export function Field({ label, className = "w-full", ...input }: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block min-w-0">
      <span className="text-xs text-gray-500">{label}</span>
      <input {...input} className={`mt-1 block h-8 max-w-full rounded border border-gray-300 px-2 ${className}`} />
    </label>
  );
}

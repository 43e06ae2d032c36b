/** A titled white section of a console page. */
export function Panel({
  title,
  children,
  testId,
  aside,
}: {
  title: string;
  children: React.ReactNode;
  testId?: string;
  aside?: React.ReactNode;
}) {
  return (
    <section className="space-y-3 rounded border border-gray-200 bg-white p-4" data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

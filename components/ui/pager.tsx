import Link from "next/link";

/** A plain bordered button: the look of a pager's links, and of a filter form's submit beside them. */
export const plainButton =
  "inline-flex h-8 items-center rounded border border-gray-300 bg-white px-3 hover:border-primary hover:text-primary";

type Step = { href: string; label: string };

/** The way through a list a page at a time: back to its first page, on to the next. Nothing for a list of one page. */
export function Pager({ first, next }: { first?: Step; next?: Step }) {
  if (!first && !next) return null;
  return (
    <nav className="flex gap-2">
      {first && (
        <Link href={first.href} className={plainButton}>
          {first.label}
        </Link>
      )}
      {next && (
        <Link href={next.href} className={plainButton} rel="next">
          {next.label}
        </Link>
      )}
    </nav>
  );
}

import { getTranslations } from "next-intl/server";
import { refusalMessages } from "./refusal-messages";
/** Why the sandbox refused the last move, named by a code in the query: the text is always the product's own. */
export async function RefusalNotice({ market, code }: { market: keyof typeof refusalMessages; code: string | undefined }) {
  const known = refusalMessages[market];
  const key = code && Object.hasOwn(known, code) ? known[code as keyof typeof known] : undefined;
  if (!key) return null;
  const t = await getTranslations();
  return (
    <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-4 py-2 text-amber-900">
      {t(key)}
    </p>
  );
}

import { getTranslations } from "next-intl/server";

const messages = {
  aliyun: {
    taken: "sandbox.instanceTaken",
    accountTaken: "sandbox.aliyunAccountTaken",
    notYours: "sandbox.notYours",
    invalid: "sandbox.invalidIds",
  },
  aws: { taken: "sandbox.accountTaken", notYours: "sandbox.accountNotYours", invalid: "sandbox.invalidAwsAccount" },
} as const;

/** Why the sandbox refused the last move, named by a code in the query: the text is always the product's own. */
export async function RefusalNotice({ market, code }: { market: keyof typeof messages; code: string | undefined }) {
  const known = messages[market];
  const key = code && Object.hasOwn(known, code) ? known[code as keyof typeof known] : undefined;
  if (!key) return null;
  const t = await getTranslations();
  return (
    <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-4 py-2 text-amber-900">
      {t(key)}
    </p>
  );
}

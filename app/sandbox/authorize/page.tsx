import { getTranslations } from "next-intl/server";
import { requireSandbox } from "@/components/sandbox/require-sandbox";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { authorizationToken } from "@/lib/cloud";
import { runtime } from "@/lib/runtime";

type Search = { role?: string; aliyunuid?: string; returnurl?: string; token?: string };

/** The marketplace's cross-account authorization page, played by the sandbox. */
export default async function SandboxAuthorizePage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireSandbox();
  const [t, q] = await Promise.all([getTranslations(), searchParams]);
  // the account and role are named only once the marketplace's own token vouches for them
  const valid =
    q.role &&
    /^[\w-]{1,64}$/.test(q.aliyunuid ?? "") &&
    q.returnurl &&
    q.token === authorizationToken(q.role, runtime().config.ALIYUN_SPI_KEY);
  const code = (chunks: React.ReactNode) => <code className="font-mono">{chunks}</code>;
  return (
    <SandboxShell title={t("sandbox.authorizeTitle")}>
      {valid ? (
        <form method="post" action="/sandbox/authorize/grant" className="max-w-xl space-y-3 rounded border border-gray-200 bg-white p-4">
          {(["role", "aliyunuid", "returnurl", "token"] as const).map((k) => (
            <input key={k} type="hidden" name={k} value={q[k]} />
          ))}
          <p>{t.rich("sandbox.authorizeText", { account: q.aliyunuid ?? "", role: q.role ?? "", code })}</p>
          <button type="submit" className="h-8 rounded bg-primary px-4 text-white">
            {t("sandbox.authorize")}
          </button>
        </form>
      ) : (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {t("sandbox.authorizeInvalid")}
        </p>
      )}
    </SandboxShell>
  );
}

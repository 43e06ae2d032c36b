import { notFound } from "next/navigation";
import { currentLocale } from "@/components/i18n/current-locale";
import { sandboxNav } from "@/components/sandbox/sandbox-nav";
import { AppShell } from "@/components/shell/app-shell";
import { authorizationToken } from "@/lib/cloud";
import { runtime } from "@/lib/runtime";

type Search = { role?: string; aliyunuid?: string; returnurl?: string; token?: string };

/** The marketplace's cross-account authorization page, played by the sandbox. */
export default async function SandboxAuthorizePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const { locale, t } = await currentLocale();
  const q = await searchParams;
  const valid = q.role && q.aliyunuid && q.returnurl && q.token === authorizationToken(q.role, config.ALIYUN_SPI_KEY);
  return (
    <AppShell title="Alibaba Cloud · RAM authorization (sandbox)" locale={locale} path="/sandbox/authorize" nav={sandboxNav(t)}>
      {valid ? (
        <form method="post" action="/sandbox/authorize/grant" className="max-w-xl space-y-3 rounded border border-gray-200 bg-white p-4">
          {(["role", "aliyunuid", "returnurl", "token"] as const).map((k) => (
            <input key={k} type="hidden" name={k} value={q[k]} />
          ))}
          <p>
            Account <code className="font-mono">{q.aliyunuid}</code> authorizes the ISV to assume the role{" "}
            <code className="font-mono">{q.role}</code>.
          </p>
          <button type="submit" className="h-8 rounded bg-primary px-4 text-white">
            Authorize
          </button>
        </form>
      ) : (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          This authorization link is not valid (its token does not match).
        </p>
      )}
    </AppShell>
  );
}

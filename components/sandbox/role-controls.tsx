import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import { codeArgs } from "@/lib/i18n";
import type { CloudMove } from "@/lib/sandbox";

export const cloudMoves: CloudMove[] = ["grant", "revoke", "trim", "wrongExternalId"];

/** The buyer's moves on the role in their own cloud account, as the sandbox plays them. */
export async function RoleControls(props: {
  action: (form: FormData) => Promise<void>;
  title: string;
  roleArn: string;
  hidden: Record<string, string>;
  status?: string | undefined;
}) {
  const t = await getTranslations();
  return (
    <form
      action={props.action}
      className="flex flex-wrap items-center gap-2 rounded border border-gray-200 bg-white p-4"
      data-testid="sandbox-cloud"
    >
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="font-semibold">{props.title}</span>
      <code className="font-mono text-xs break-all">{props.roleArn}</code>
      {props.status && <StatusBadge of="cloud" status={props.status} />}
      {cloudMoves.map((m) => (
        <button
          key={m}
          type="submit"
          name="move"
          value={m}
          className="h-8 rounded border border-gray-300 px-3 hover:border-primary hover:text-primary"
        >
          {t("sandbox.move", codeArgs(m))}
        </button>
      ))}
    </form>
  );
}

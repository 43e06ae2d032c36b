import type { MessageKey } from "@/lib/i18n";
import type { CloudMove } from "@/lib/sandbox";

const moves: CloudMove[] = ["grant", "revoke", "trim", "wrongExternalId"];

/** The buyer's moves on the role in their own cloud account, as the sandbox plays them. */
export function RoleControls(props: {
  action: (form: FormData) => Promise<void>;
  title: string;
  roleArn: string;
  hidden: Record<string, string>;
  status?: React.ReactNode;
  t: (k: MessageKey) => string;
}) {
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
      <code className="font-mono text-xs">{props.roleArn}</code>
      {props.status}
      {moves.map((m) => (
        <button
          key={m}
          type="submit"
          name="move"
          value={m}
          className="h-8 rounded border border-gray-300 px-3 hover:border-primary hover:text-primary"
        >
          {props.t(`sandbox.${m}` as MessageKey)}
        </button>
      ))}
    </form>
  );
}

export const cloudMoves = moves;

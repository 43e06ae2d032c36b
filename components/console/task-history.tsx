import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { describeAgent } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { codeArgs } from "@/lib/i18n";

const resultTone: Record<string, Tone> = {
  pass: "green",
  warn: "amber",
  fail: "red",
  succeeded: "green",
  failed: "red",
  queued: "gray",
  sent: "blue",
};

/** A host's tasks, newest first, each with its checks' results. */
export async function TaskHistory({ tasks }: { tasks: ResultOf<typeof describeAgent>["tasks"] }) {
  const t = await getTranslations();
  return (
    <Table head={[t("hosts.taskTime"), t("hosts.taskKind"), t("hosts.status"), t("hosts.checks")]} empty={t("hosts.noTasks")}>
      {tasks.map((task) => (
        <tr key={task.taskId} data-testid="task-row">
          <Cell>
            <Time value={task.createdAt} />
          </Cell>
          <Cell>{t("labels.taskKind", codeArgs(task.kind))}</Cell>
          <Cell>
            <Badge tone={resultTone[task.status] ?? "gray"}>{t("labels.taskStatus", codeArgs(task.status))}</Badge>
          </Cell>
          <td className="px-3 py-1">
            <ul className="space-y-1">
              {task.checks.map((c) => (
                <li key={c.name} className="flex flex-wrap items-center gap-2" data-testid="check">
                  <Badge tone={resultTone[c.result] ?? "gray"}>{t("labels.checkResult", codeArgs(c.result))}</Badge>
                  <span>{t("labels.checkName", codeArgs(c.name))}</span>
                  {c.detail && (
                    <span className="text-xs text-gray-500" translate="no">
                      {c.detail}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </Table>
  );
}

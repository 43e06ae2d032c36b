import { Badge } from "@/components/ui/badge";
import type { Exchange } from "@/lib/sandbox";

/** The calls the sandbox sent and what Skyport answered, verbatim (protocol, not prose). */
export function ExchangeList({ exchanges }: { exchanges: Exchange[] }) {
  return exchanges.map((x) => (
    <div
      key={x.at + x.request}
      className="rounded border border-gray-200 bg-white p-3 font-mono text-xs"
      data-testid="sandbox-exchange"
      translate="no"
    >
      {x.request && <div className="break-all text-gray-700">{x.request}</div>}
      <div className="mt-1 break-all">
        <Badge tone={x.status === 200 ? "green" : "amber"}>{x.status}</Badge> {x.response}
      </div>
    </div>
  ));
}

"use client";

import { useActionState, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { type CopyLabels, OutcomeMessage } from "@/components/ui/outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AgentOs } from "@/lib/agents";
import { createDownloadLink, type DownloadLink } from "./host-actions";

export type DownloadLabels = CopyLabels & {
  os: string;
  linux: string;
  windows: string;
  create: string;
  creating: string;
  link: string;
  command: string;
  windowsCommand: string;
  expires: string;
  windowsNeedsNode: string;
};

/**
 * Pick an OS, get a link and the one-line install command, each with a copy button. The OS is
 * held in state: React resets a form's uncontrolled fields once its action is done.
 */
export function DownloadLinkForm({ labels }: { labels: DownloadLabels }) {
  const [link, action] = useActionState<DownloadLink, FormData>(createDownloadLink, null);
  const [os, setOs] = useState<AgentOs>("linux-x64");
  const choice = (value: AgentOs, label: string) => (
    <label className="flex h-8 items-center gap-1">
      <input type="radio" name="os" value={value} checked={os === value} onChange={() => setOs(value)} /> {label}
    </label>
  );
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <fieldset className="flex flex-wrap items-center gap-4">
          <legend className="mb-1 text-xs text-gray-500">{labels.os}</legend>
          {choice("linux-x64", labels.linux)}
          {choice("windows-x64", labels.windows)}
        </fieldset>
        <SubmitButton className="h-8 rounded bg-primary px-4 text-white hover:bg-primary-dark" pending={labels.creating}>
          {labels.create}
        </SubmitButton>
      </form>
      {link?.ok === true ? (
        <dl className="space-y-2 rounded border border-green-200 bg-green-50 p-3" data-testid="download-link">
          <dt className="text-xs text-gray-600">{link.os === "windows-x64" ? labels.windowsCommand : labels.command}</dt>
          <dd className="flex items-start gap-2">
            <code className="min-w-0 rounded bg-white px-2 py-1 font-mono text-xs break-all" translate="no" data-testid="install-command">
              {link.installCommand}
            </code>
            <CopyButton text={link.installCommand} copy={labels.copy} copied={labels.copied} />
          </dd>
          <dt className="text-xs text-gray-600">{labels.link}</dt>
          <dd className="flex items-start gap-2">
            <a href={link.url} className="min-w-0 font-mono text-xs break-all text-primary underline" translate="no">
              {link.url}
            </a>
            <CopyButton text={link.url} copy={labels.copy} copied={labels.copied} />
          </dd>
          <dd className="text-xs text-gray-600">{labels.expires}</dd>
          {link.os === "windows-x64" && <dd className="text-xs text-gray-600">{labels.windowsNeedsNode}</dd>}
        </dl>
      ) : (
        <OutcomeMessage outcome={link} labels={labels} />
      )}
    </div>
  );
}

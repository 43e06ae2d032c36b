import type { NavItem } from "@/components/shell/app-shell";
import type { MessageKey } from "@/lib/i18n";

/** The sandbox's left navigation: one page per marketplace, and the console they lead to. */
export const sandboxNav = (t: (k: MessageKey) => string): NavItem[] => [
  { href: "/sandbox", label: "Alibaba Cloud" },
  { href: "/sandbox/aws", label: "AWS" },
  { href: "/sandbox/console", label: "Cloud console" },
  { href: "/console", label: t("home.console") },
];

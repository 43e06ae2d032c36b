import { getTranslations } from "next-intl/server";
import { type NavItem, NavLinks } from "./nav-links";
import { TopBar } from "./top-bar";

export type { NavItem };

/** Every signed-in area (console, admin, ops, sandbox): compact header, left navigation, content. */
export async function AppShell(props: {
  title: string;
  nav: NavItem[];
  context?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <TopBar actions={props.actions}>
        <span className="hidden text-gray-300 sm:inline">/</span>
        <span className="hidden shrink-0 font-medium sm:inline">{props.title}</span>
        <div className="flex min-w-0 flex-1 items-center justify-end gap-2 sm:justify-start">{props.context}</div>
      </TopBar>
      <div className="flex flex-col md:flex-row">
        <NavLinks items={props.nav} label={t("common.sections")} />
        <main className="min-w-0 flex-1 space-y-4 p-4 md:p-6">{props.children}</main>
      </div>
    </div>
  );
}

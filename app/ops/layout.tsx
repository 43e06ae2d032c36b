import { BackofficeShell } from "@/components/backoffice/backoffice-shell";
import { requireStaff } from "@/components/backoffice/require-staff";

export default async function OpsLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff("/ops", ["support", "isv_admin"]);
  return (
    <BackofficeShell area="ops" staff={staff}>
      {children}
    </BackofficeShell>
  );
}

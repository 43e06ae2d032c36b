import { BackofficeShell } from "@/components/backoffice/backoffice-shell";
import { requireStaff } from "@/components/backoffice/require-staff";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff("/admin", ["isv_admin"]);
  return (
    <BackofficeShell area="admin" staff={staff}>
      {children}
    </BackofficeShell>
  );
}

import { BackofficePage } from "@/components/backoffice/backoffice-page";
import { requireStaff } from "@/components/backoffice/require-staff";

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ traceId?: string }> }) {
  const user = await requireStaff("/admin", ["isv_admin"]);
  return <BackofficePage area="/admin" user={user} traceId={(await searchParams).traceId} />;
}

import { BackofficePage } from "@/components/backoffice/backoffice-page";
import { requireStaff } from "@/components/backoffice/require-staff";

export default async function OpsPage({ searchParams }: { searchParams: Promise<{ traceId?: string }> }) {
  const user = await requireStaff("/ops", ["support", "isv_admin"]);
  return <BackofficePage area="/ops" user={user} traceId={(await searchParams).traceId} />;
}

import { serveFetch } from "@/lib/gateway";
import { runtime } from "@/lib/runtime";

// The gateway where only Next.js runs. Under `npm start` the fast path in
// server.ts answers /api/{Action} before Next.js sees it; same function.
type Ctx = { params: Promise<{ action: string }> };
const serve = async (request: Request, { params }: Ctx) => serveFetch(runtime().gateway, request, (await params).action);

export const GET = serve;
export const POST = serve;
export const PUT = serve;
export const PATCH = serve;
export const DELETE = serve;
export const dynamic = "force-dynamic";

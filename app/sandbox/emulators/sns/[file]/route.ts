import { notFound } from "next/navigation";
import { runtime } from "@/lib/runtime";
import { sandboxCertificateFile, sandboxSnsCertificate } from "@/lib/sandbox";

/** The sandbox's SNS signing certificate, at the SigningCertURL its notifications name (sandbox only). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  if (runtime().config.SANDBOX !== "on" || (await params).file !== sandboxCertificateFile) notFound();
  return new Response(sandboxSnsCertificate, { headers: { "content-type": "application/x-pem-file" } });
}

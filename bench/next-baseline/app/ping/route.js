// The baseline: a bare Next.js route handler returning the constant JSON.
export function GET() {
  return Response.json({ success: true, code: "OK", message: "", data: { hello: "world" } });
}

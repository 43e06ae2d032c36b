import { TopBar } from "./top-bar";

/** A page outside any area (sign-in, not found, no session): the header, and one card. */
export function PlainPage({ title, tone = "plain", children }: { title: string; tone?: "plain" | "error"; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <TopBar />
      <main className="mx-auto mt-16 max-w-md space-y-4 rounded border border-gray-200 bg-white p-6 max-md:mx-4">
        <h1 className={`text-lg font-semibold ${tone === "error" ? "text-red-700" : ""}`}>{title}</h1>
        {children}
      </main>
    </div>
  );
}

// Personal data as support sees it: enough to match what a buyer reads out,
// not enough to copy. There is no unmasked variant for /ops.

/** "alice@example.com" → "a***@e******.com" */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf("@");
  if (at < 1) return stars(email);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${email[0]}***@${host[0] ?? ""}${"*".repeat(Math.max(host.length - 1, 1))}${tld}`;
}

/** "+86 138 0013 8000" → "+** *** **** 8000": only the last four digits stay. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  let keep = 4;
  const reversed = [...phone].reverse().map((c) => (/\d/.test(c) ? (keep-- > 0 ? c : "*") : c));
  return reversed.reverse().join("");
}

/** "203.0.113.45" → "203.0.*.*"; an IPv6 address keeps its first two groups. */
export function maskAddress(address: string | null): string | null {
  if (!address) return address;
  const v4 = address.match(/^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/);
  if (v4) return `${v4[1]}.${v4[2]}.*.*`;
  if (address.includes(":")) return `${address.split(":").slice(0, 2).join(":")}:*`;
  return stars(address);
}

const stars = (s: string) => `${s.slice(0, 1)}${"*".repeat(Math.max(s.length - 1, 3))}`;

/** A JSON value with every e-mail address and phone number in its strings masked, at any depth (a call's params in /ops). */
export function maskPersonalData(value: unknown): unknown {
  if (typeof value === "string") {
    if (/^[^@\s]+@[^@\s]+$/.test(value)) return maskEmail(value);
    if (/^\+?[\d\s()-]{7,20}$/.test(value) && /\d{7}/.test(value.replace(/\D/g, ""))) return maskPhone(value);
    return value;
  }
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPersonalData(v)]));
  return value;
}

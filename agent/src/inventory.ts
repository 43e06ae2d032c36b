import { readFileSync, statfsSync } from "node:fs";
import os from "node:os";

export type Inventory = {
  hostname: string;
  os: { name: string; version: string; kernel: string };
  cpu: { model: string; cores: number };
  memoryBytes: number;
  disks: { mount: string; sizeBytes: number; usedBytes: number }[];
  interfaces: { name: string; addresses: string[] }[];
  uptimeSeconds: number;
};

// filesystems that hold data worth migrating, not kernel or memory ones
const diskFilesystems = new Set(["ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "vfat", "ntfs", "f2fs", "jfs", "reiserfs", "overlay"]);

/** What this host is, read from /proc, /etc and the os module (Linux), or os alone elsewhere. */
export function collectInventory(): Inventory {
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    os: osRelease(),
    cpu: { model: cpus[0]?.model.trim() || "unknown", cores: Math.max(1, cpus.length) },
    memoryBytes: os.totalmem(),
    disks: disks(),
    interfaces: interfacesOf(os.networkInterfaces()),
    uptimeSeconds: Math.floor(os.uptime()),
  };
}

// Skyport takes at most this many (agent-channel.md is silent; docs/agents.md says so): more would refuse the heartbeat
const maxInterfaces = 256;
const maxAddresses = 64;
const maxDisks = 256;
// link-local addresses (all a container's veth has) say nothing about where a host is reached
const linkLocal = /^(fe[89ab][0-9a-f]:|169\.254\.)/i;

/** The interfaces a host is reached through: their routable addresses, within what Skyport takes. */
export function interfacesOf(all: NodeJS.Dict<os.NetworkInterfaceInfo[]>): Inventory["interfaces"] {
  return Object.entries(all)
    .map(([name, addrs]) => ({
      name,
      addresses: (addrs ?? [])
        .filter((a) => !a.internal && !linkLocal.test(a.address))
        .map((a) => a.address)
        .slice(0, maxAddresses),
    }))
    .filter((i) => i.addresses.length > 0)
    .slice(0, maxInterfaces);
}

function osRelease() {
  const kernel = os.release();
  if (process.platform !== "linux") return { name: os.version() || os.type(), version: kernel, kernel };
  try {
    const fields = Object.fromEntries(
      readFileSync("/etc/os-release", "utf8")
        .split("\n")
        .map((l) => /^([A-Z_]+)=(.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], (m[2] ?? "").replace(/^"|"$/g, "")]),
    );
    return { name: fields.NAME ?? "Linux", version: fields.VERSION_ID ?? "", kernel };
  } catch {
    return { name: "Linux", version: "", kernel };
  }
}

function disks(): Inventory["disks"] {
  if (process.platform !== "linux") return [];
  const seen = new Set<string>();
  const out: Inventory["disks"] = [];
  for (const line of readFileSync("/proc/mounts", "utf8").split("\n")) {
    const [device = "", mount = "", type = ""] = line.split(" ");
    if (!diskFilesystems.has(type) || seen.has(device)) continue;
    seen.add(device);
    try {
      const s = statfsSync(mount.replace(/\\040/g, " "));
      const size = s.blocks * s.bsize;
      if (size > 0) out.push({ mount, sizeBytes: size, usedBytes: (s.blocks - s.bfree) * s.bsize });
    } catch {
      // a mount we may not read: left out
    }
  }
  return out.slice(0, maxDisks);
}

/** The host's identity across reinstalls: /etc/machine-id on Linux. */
export function machineId(): string | undefined {
  for (const file of ["/etc/machine-id", "/var/lib/dbus/machine-id"]) {
    try {
      const id = readFileSync(file, "utf8").trim();
      if (/^[\w-]{8,128}$/.test(id)) return id;
    } catch {}
  }
  return undefined;
}

/** Supported source systems for migration, as the precheck compares them (name prefixes, lower case). */
export const supportedOs = [
  "debian",
  "ubuntu",
  "centos",
  "rocky",
  "almalinux",
  "red hat",
  "alibaba cloud linux",
  "amazon linux",
  "windows server",
];

/**
 * What a task carries besides what the console chose (the target endpoint):
 * the precheck's thresholds and the control plane's clock at delivery (for the
 * skew check), decided by the server so agents stay simple.
 */
export function taskParams(kind: string, now: number): Record<string, unknown> {
  if (kind !== "precheck") return {};
  return { minFreeDiskPercent: 10, supportedOs, maxClockSkewSeconds: 60, serverTime: new Date(now).toISOString() };
}

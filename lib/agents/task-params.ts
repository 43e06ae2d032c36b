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
 * What each task kind needs besides what the console gave: the precheck's
 * thresholds, where to test reachability, and the control plane's clock (for
 * the skew check), all decided by the server so agents stay simple.
 */
export function taskParams(kind: string, targetEndpoint: string, now: number): Record<string, unknown> {
  if (kind !== "precheck") return {};
  return { minFreeDiskPercent: 10, supportedOs, maxClockSkewSeconds: 60, targetEndpoint, serverTime: new Date(now).toISOString() };
}

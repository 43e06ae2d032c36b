/** Bytes as GiB with one decimal, the way consoles size memory and disks. */
export const gib = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? null : Math.round((bytes / 2 ** 30) * 10) / 10;

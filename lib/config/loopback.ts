const loopback = new Set(["127.0.0.1", "::1", "[::1]", "localhost"]);

/** Whether a listening address (HOST) is reachable from other machines: anything but the loopback names. */
export const listensBeyondLoopback = (host: string) => !loopback.has(host.trim().toLowerCase());

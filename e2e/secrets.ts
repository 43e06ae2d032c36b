import type { ConsoleKey } from "../lib/config";
import { parseConfig, readDevSecrets } from "../lib/config";

/**
 * The secrets the browser tests' server generated for itself at start
 * (.data/e2e/dev-secrets.env): tests sign with them as the sandbox does.
 */
export function e2eSecrets() {
  const config = parseConfig(readDevSecrets(".data/e2e"));
  const keyOf = (channel: ConsoleKey["channel"]) => config.CONSOLE_KEYS.find((k) => k.channel === channel) as ConsoleKey;
  return { directKey: keyOf("direct"), aliyunKey: keyOf("aliyun"), spiKey: config.ALIYUN_SPI_KEY, authSecret: config.AUTH_SECRET };
}

import { type Config, parseConfig } from "../lib/config";

/** The secrets tests run with (listed in lib/config/published-secrets.ts, so production refuses them). */
export const testSecrets = {
  CONSOLE_KEYS: "k-ali:aliyun:aliyun-test-secret-0001,k-aws:aws:aws-test-secret-00000001,k-direct:direct:direct-test-secret-0001",
  AUTH_SECRET: "test-auth-secret-0123456789abcdef0123",
  ALIYUN_SPI_KEY: "test-spi-key-0123456789",
  ALIYUN_ACCESS_KEY_SECRET: "test-aliyun-secret-0123456789",
  AWS_MARKETPLACE_SECRET_ACCESS_KEY: "test-aws-secret-access-key-0123",
  AGENT_SEAL_KEYS: "t1:dGVzdC1hZ2VudC1zZWFsLWtleS0wMTIzNDU2Nzg5YWI=",
  USAGE_KEYS: "svc-test:usage-test-secret-0123456789",
  STRIPE_SECRET_KEY: "sk_test_skyport_test_0123456789",
  STRIPE_WEBHOOK_SECRET: "whsec_test_skyport_0123456789",
};

/** A development configuration with the test secrets and the given variables. */
export const testConfig = (env: Record<string, string> = {}): Config => parseConfig({ ...testSecrets, ...env });

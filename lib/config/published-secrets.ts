/**
 * Secret values published in this repository or its history (earlier
 * development defaults, test fixtures): production refuses every one of them.
 */
export const publishedSecrets: ReadonlySet<string> = new Set([
  // development defaults published in .env.example until 2026-11-30
  "dev-aliyun-console-secret",
  "dev-aws-console-secret",
  "dev-direct-console-secret",
  "dev-only-auth-secret-change-me-0123456789",
  "dev-aliyun-spi-key-0123456789",
  "sandbox-access-key-secret-0123",
  "sandbox-aws-secret-access-key-0123",
  // test fixtures (test/config.ts, test/gateway-harness.ts)
  "aliyun-test-secret-0001",
  "aliyun-test-secret-0002",
  "aws-test-secret-00000001",
  "direct-test-secret-0001",
  "test-auth-secret-0123456789abcdef0123",
  "test-spi-key-0123456789",
  "test-aliyun-secret-0123456789",
  "test-aws-secret-access-key-0123",
  "dGVzdC1hZ2VudC1zZWFsLWtleS0wMTIzNDU2Nzg5YWI=",
  "usage-test-secret-0123456789",
  "sk_test_skyport_test_0123456789",
  "whsec_test_skyport_0123456789",
  "whsec_test_skyport_rotated_0123",
]);

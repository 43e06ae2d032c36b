import type { ActionServices } from "../lib/actions";
import { createCredentialCache } from "../lib/cloud";
import { testConfig } from "./config";

type Overrides = Partial<Omit<ActionServices, "aliyun" | "aws">> & {
  aliyun?: Partial<ActionServices["aliyun"]>;
  aws?: Partial<ActionServices["aws"]>;
};

/**
 * What a test hands its actions: no cloud is reachable unless the test
 * points one at its own emulator (an address nothing listens on otherwise).
 */
export function testServices(over: Overrides = {}): ActionServices {
  const { aliyun, aws, ...rest } = over;
  return {
    now: () => new Date(),
    publicUrl: "http://skyport.test",
    isv: { aliyunUid: "1000000000000001", awsAccountId: "210987654321" },
    signingKey: "test-signing-key-0123456789abcdef",
    aliyun: {
      roleName: "AliyunSkyportRole",
      spiKey: "test-spi-key-0123456789",
      authorizeUrl: "http://marketplace.test/authorize",
      access: {
        stsEndpoint: "http://127.0.0.1:9",
        ecsEndpoint: "http://127.0.0.1:9",
        accessKeyId: "test-aliyun-key",
        accessKeySecret: "test-aliyun-secret-0123456789",
      },
      market: undefined,
      ...aliyun,
    },
    aws: {
      roleName: "SkyportAccess",
      access: {
        stsEndpoint: "http://127.0.0.1:9",
        ec2Endpoint: "http://127.0.0.1:9",
        region: "us-east-1",
        accessKeyId: "TESTAWSACCESSKEY",
        secretAccessKey: "test-aws-secret-access-key-0123",
        isvAccountId: "210987654321",
      },
      ...aws,
    },
    credentials: createCredentialCache(),
    stripe: undefined,
    sizingHeadroomPercent: 20,
    agents: {
      keys: testConfig().AGENT_SEAL_KEYS,
      heartbeatSeconds: 30,
      enrolmentDays: 7,
      targetEndpoint: () => "http://127.0.0.1:9/",
    },
    ...rest,
  };
}

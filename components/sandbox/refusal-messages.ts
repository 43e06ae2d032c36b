/** Why the sandbox refused a move, by market: the code a redirect carries, and the product's own message for it. */
export const refusalMessages = {
  aliyun: {
    taken: "sandbox.instanceTaken",
    accountTaken: "sandbox.aliyunAccountTaken",
    notYours: "sandbox.notYours",
    invalid: "sandbox.invalidIds",
  },
  aws: { taken: "sandbox.accountTaken", notYours: "sandbox.accountNotYours", invalid: "sandbox.invalidAwsAccount" },
} as const;

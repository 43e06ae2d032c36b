/**
 * What Skyport does in a buyer's cloud, declared once: every policy document
 * (both clouds, trust and permission), the CloudFormation template and the
 * buyer-facing explanation are generated from this list.
 */
export type Permission = {
  /** stable name shown to buyers and recorded when missing */
  name: string;
  /** why Skyport needs it, in words a buyer understands */
  why: { en: string; zh: string };
  aliyun: string;
  aws: string;
  /** asked for in the policies, not required to verify: without it, recommendations come without a price */
  optional?: true;
};

export const requiredPermissions: readonly Permission[] = [
  {
    name: "DescribeRegions",
    why: { en: "list the regions your hosts could move to", zh: "列出主机可迁移到的地域" },
    aliyun: "ecs:DescribeRegions",
    aws: "ec2:DescribeRegions",
  },
  {
    name: "DescribeInstanceTypes",
    why: { en: "recommend a target instance size for each discovered host", zh: "为每台发现的主机推荐目标实例规格" },
    aliyun: "ecs:DescribeInstanceTypes",
    aws: "ec2:DescribeInstanceTypes",
  },
  {
    name: "DescribePrice",
    why: { en: "show the monthly price of each recommended size", zh: "显示每个推荐规格的月度价格" },
    aliyun: "ecs:DescribePrice",
    aws: "pricing:GetProducts",
    optional: true,
  },
];

/** What verification checks: every permission that is not optional. */
export const checkedPermissions = requiredPermissions.filter((p) => !p.optional);

export { type CloudAccessRow, ensureAccess, findAccess, recordVerification } from "./access-record";
export { type AliyunAccessConfig, assumeAliyunRole, type Verification, verifyAliyunAccess } from "./aliyun-access";
export { type AwsAccessConfig, verifyAwsAccess } from "./aws-access";
export { createCredentialCache, type TemporaryCredentials } from "./credential-cache";
export { aliyunAccessConfig, awsAccessConfig } from "./endpoints";
export { newExternalId } from "./external-id";
export { type Permission, requiredPermissions } from "./permissions";
export { aliyunPolicies, awsPolicies, awsRoleTemplate, type IsvAccounts } from "./policies";
export { aliyunRoleArn, checkRoleArn, type Provider } from "./role-arn";

export { type CloudAccessRow, ensureAccess, findAccess } from "./access-record";
export { createCredentialCache, type TemporaryCredentials } from "./credential-cache";
export { newExternalId } from "./external-id";
export { type Permission, requiredPermissions } from "./permissions";
export { aliyunPolicies, awsPolicies, awsRoleTemplate, type IsvAccounts } from "./policies";
export { aliyunRoleArn, checkRoleArn, type Provider } from "./role-arn";

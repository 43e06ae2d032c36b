// The sandbox's SNS signing key pair (development only). The public half is
// the development default for AWS_SNS_CERT, so notifications the sandbox
// signs verify; production has no default and must pin AWS's certificate.
export const sandboxSnsPublicKey = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqLnZMFHxFqF5k/ZV5sxu
ELtsrya7fqWAHVKOk2rDsMDaLIOSF596/NI7LN9+YYsfiO/7h0prgqV2VF5OeFK4
468KdKFgWUL2LZ6Hnbv53DkVUCN/qp2ucRPXLLuMZHBbGYsc9VxH64sqQ1Etwpnt
t8AgyYNwxkN1Dxv1kDsMKclJk8IP7qb/+AGwBQCMYV1NbKPt8NOBBpGcoNUgpgdw
mnRff/xx6nMb9RHj2w1ot1wi5HoCI1BpydI5O4yh+wREYKKrb/4hTD/zdrVhYNdc
J2KwRBgrr0aP84fbG9Q3YNihBtca3EM2axYckmnrSZinZ+agqjmf9t6G8IVPfLfd
YQIDAQAB
-----END PUBLIC KEY-----`;

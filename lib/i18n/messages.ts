export const locales = ["en", "zh"] as const;
export type Locale = (typeof locales)[number];

const en = {
  "app.name": "Skyport",
  "nav.overview": "Overview",
  "nav.profile": "Profile",
  "nav.audit": "Audit log",
  "nav.tenants": "Tenants",
  "nav.traces": "Trace lookup",
  "tenant.plan": "Plan",
  "tenant.status": "Status",
  "tenant.channel": "Channel",
  "tenant.expires": "Expires",
  "tenant.trial": "Trial",
  "tenant.name": "Name",
  "tenant.contact": "Contact email",
  "tenant.account": "Account",
  "tenant.created": "Created",
  "status.active": "Active",
  "status.frozen": "Frozen",
  "status.closed": "Closed",
  "common.yes": "Yes",
  "common.no": "No",
  "common.save": "Save",
  "common.none": "—",
  "common.signOut": "Sign out",
  "common.traceId": "Trace ID",
  "console.noSession": "Open Skyport from your cloud console or the marketplace to sign in.",
  "console.demo": "Open the demo tenant (development only)",
  "console.error": "The console could not load this tenant",
  "console.profileSaved": "Profile saved.",
  "console.frozen": "Your subscription has lapsed. You can still read your data; renew to make changes.",
  "admin.title": "ISV admin",
  "ops.title": "Support (read-only)",
  "tenants.empty": "No tenants yet. Tenants appear when a buyer purchases Skyport in a marketplace.",
  "traces.find": "Find",
  "traces.placeholder": "traceId from an error message",
  "traces.none": "No call recorded under this traceId.",
  "traces.action": "Action",
  "traces.code": "Code",
  "traces.latency": "Latency (ms)",
  "traces.at": "Time",
  "traces.tenant": "Tenant",
  "signin.title": "Staff sign-in",
  "signin.email": "Email",
  "signin.password": "Password",
  "signin.submit": "Sign in",
  "signin.failed": "Wrong email or password.",
  "signin.forbidden": "Your role may not open this page.",
  "home.tagline": "The marketplace edge of your SaaS: orders, tenants, cloud access, agents and metering.",
  "home.console": "Tenant console",
  "home.admin": "ISV admin",
  "home.ops": "Support",
  "audit.empty": "No changes recorded yet.",
  "audit.actor": "Actor",
  "audit.action": "Change",
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  "app.name": "Skyport",
  "nav.overview": "概览",
  "nav.profile": "资料",
  "nav.audit": "操作审计",
  "nav.tenants": "租户",
  "nav.traces": "调用追踪",
  "tenant.plan": "套餐",
  "tenant.status": "状态",
  "tenant.channel": "渠道",
  "tenant.expires": "到期时间",
  "tenant.trial": "试用",
  "tenant.name": "名称",
  "tenant.contact": "联系邮箱",
  "tenant.account": "账号",
  "tenant.created": "创建时间",
  "status.active": "正常",
  "status.frozen": "已冻结",
  "status.closed": "已释放",
  "common.yes": "是",
  "common.no": "否",
  "common.save": "保存",
  "common.none": "—",
  "common.signOut": "退出",
  "common.traceId": "追踪 ID",
  "console.noSession": "请从云控制台或云市场进入 Skyport。",
  "console.demo": "打开演示租户（仅开发环境）",
  "console.error": "控制台无法加载该租户",
  "console.profileSaved": "资料已保存。",
  "console.frozen": "您的订阅已到期。数据仍可查看；续费后即可修改。",
  "admin.title": "ISV 管理",
  "ops.title": "技术支持（只读）",
  "tenants.empty": "暂无租户。买家在云市场购买后，租户会出现在这里。",
  "traces.find": "查询",
  "traces.placeholder": "错误信息中的 traceId",
  "traces.none": "没有该 traceId 的调用记录。",
  "traces.action": "接口",
  "traces.code": "结果码",
  "traces.latency": "耗时（毫秒）",
  "traces.at": "时间",
  "traces.tenant": "租户",
  "signin.title": "员工登录",
  "signin.email": "邮箱",
  "signin.password": "密码",
  "signin.submit": "登录",
  "signin.failed": "邮箱或密码错误。",
  "signin.forbidden": "您的角色无权访问此页面。",
  "home.tagline": "SaaS 的云市场接入层：订单、租户、云账号授权、Agent 与计量。",
  "home.console": "租户控制台",
  "home.admin": "ISV 管理",
  "home.ops": "技术支持",
  "audit.empty": "暂无变更记录。",
  "audit.actor": "操作人",
  "audit.action": "变更",
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, zh };

export function translator(locale: Locale) {
  return (key: MessageKey) => dictionaries[locale][key];
}

/** `zh` for any Chinese preference (zh, zh-CN, zh-Hans...), else English. */
export function pickLocale(...preferences: (string | null | undefined)[]): Locale {
  for (const p of preferences) {
    if (!p) continue;
    const first = p.split(",")[0]?.trim().toLowerCase() ?? "";
    if (first.startsWith("zh")) return "zh";
    if (first.startsWith("en")) return "en";
  }
  return "en";
}

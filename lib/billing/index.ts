export { type Plan, planById, planForSku, plans, planWithMoreHosts } from "./plans";

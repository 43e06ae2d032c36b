export { type Plan, planForSku, plans } from "./plans";

/**
 * What Pose Generator's pages share: the API's base path, how its choices read, the price of a
 * batch (from GET /api/apps: cost.pose per pose, plus cost.background per pose with a new
 * background) and the caller's quota tier in this app (from GET /api/quotas).
 *
 * API: APP | BASE ('apps/pose-generator') | DIFFICULTIES | GENDERS | FORMATS | requestStatus(s)
 *      loadPrices() -> {pose, background} | batchPrice(prices, count, background)
 *      loadTier() -> the tier or null | loadPlans() -> the plans of this app on sale ([] if none)
 */
import { api } from '../shared/api.js';

export const APP = 'pose-generator';
export const BASE = `apps/${APP}`;

export const DIFFICULTIES = [
  ['beginner', 'Beginner'],
  ['intermediate', 'Intermediate'],
  ['advanced', 'Advanced'],
];

export const GENDERS = [
  ['female', 'Female'],
  ['male', 'Male'],
];

export const FORMATS = [
  ['png', 'PNG'],
  ['jpeg', 'JPEG'],
  ['webp', 'WebP'],
];

const REQUEST_STATUS = {
  pending: 'Waiting for review',
  accepted: 'Accepted',
  rejected: 'Rejected',
  completed: 'In the library',
};

export function requestStatus(status) {
  return REQUEST_STATUS[status] ?? status;
}

export async function loadPrices() {
  const apps = await api('apps');
  const costs = apps.find((app) => app.id === APP)?.costs ?? {};
  return { pose: costs.pose ?? null, background: costs.background ?? 0 };
}

/** Credits a batch of count poses costs, or null while the prices are unknown. */
export function batchPrice(prices, count, background) {
  if (!prices || prices.pose === null) {
    return null;
  }
  return count * (prices.pose + (background ? prices.background : 0));
}

/** GET /api/quotas (not /quotas/{app}, whose 404 for "no tier" would show as a console error). */
export async function loadTier() {
  const tiers = await api('quotas');
  return tiers.find((tier) => tier.app === APP) ?? null;
}

export async function loadPlans() {
  const catalogue = await api('payments/packages');
  return (catalogue.plans ?? []).filter((plan) => plan.app === APP);
}

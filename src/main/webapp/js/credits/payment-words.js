/**
 * How payments read: their statuses and the gateway's payment method codes (Duitku's, as
 * lumiku.payments.methods lists them; an unknown code shows as itself).
 *
 * API: paymentStatus(status) | methodName(code) | appName(id) | whatWasBought(payment)
 *      | gatewayUrl(url): the address to send a buyer to, or null when it is not one
 */

/**
 * The server checks the gateway's paymentUrl too; the page checks again before it navigates, so
 * that no answer can make it open a javascript: or plain-http address: https, this application's
 * own pages (the simulator's), or plain http on loopback (a development gateway).
 */
export function gatewayUrl(url) {
  let parsed;
  try {
    parsed = new URL(url, location.href);
  } catch {
    return null;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  const safe = parsed.protocol === 'https:' || parsed.origin === location.origin || (parsed.protocol === 'http:' && loopback);
  return safe && !parsed.username ? parsed.href : null;
}
const STATUS = {
  pending: 'Waiting for payment',
  paid: 'Paid',
  failed: 'Failed',
  expired: 'Expired',
  refunded: 'Refunded',
};

/** The apps a plan can be for, by id (an unknown one shows as its id). */
const APPS = {
  'pose-generator': 'Pose Generator',
  'avatar-creator': 'Avatar Creator',
};

const METHODS = {
  VC: 'Credit card',
  BC: 'BCA virtual account',
  M2: 'Mandiri virtual account',
  VA: 'Maybank virtual account',
  I1: 'BNI virtual account',
  B1: 'CIMB Niaga virtual account',
  BT: 'Permata virtual account',
  A1: 'ATM Bersama',
  BR: 'BRI virtual account',
  NC: 'BNC virtual account',
  OV: 'OVO',
  SA: 'ShopeePay app',
  DA: 'DANA',
  LA: 'LinkAja app',
  SP: 'ShopeePay QRIS',
  NQ: 'QRIS (Nobu)',
};

export function paymentStatus(status) {
  return STATUS[status] ?? status;
}

export function methodName(code) {
  return METHODS[code] ?? code;
}

export function appName(id) {
  return APPS[id] ?? id;
}

/** What a payment buys, in words: its credits, or the plan's days of an app. */
export function whatWasBought(p) {
  if (p.kind === 'plan' && p.plan) {
    return `${p.plan.days} days of ${appName(p.plan.app)}, ${p.plan.dailyQuota} a day`;
  }
  return `${numberOf(p.credits)} credits${p.bonusCredits ? ` + ${numberOf(p.bonusCredits)} bonus` : ''}`;
}

const numbers = new Intl.NumberFormat('en');

function numberOf(n) {
  return numbers.format(n);
}

/**
 * How payments read: their statuses and the gateway's payment method codes (Duitku's, as
 * lumiku.payments.methods lists them; an unknown code shows as itself).
 *
 * API: paymentStatus(status) | methodName(code)
 */
const STATUS = {
  pending: 'Waiting for payment',
  paid: 'Paid',
  failed: 'Failed',
  expired: 'Expired',
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

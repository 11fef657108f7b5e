/**
 * How numbers, money and times read on the page.
 *
 * API: credits(n) '1,250 credits' | rupiah(n) 'IDR 50,000' | dateTime(iso)
 *      formValues(form) the named fields of a form as an object of strings (blank ones left out)
 */
const numbers = new Intl.NumberFormat('en');

export function credits(n) {
  return `${numbers.format(n)} ${Math.abs(n) === 1 ? 'credit' : 'credits'}`;
}

export function rupiah(n) {
  return `IDR ${numbers.format(n)}`;
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

export function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form).entries()) {
    const field = form.elements.namedItem(name);
    if (field?.type === 'password') {
      if (value !== '') {
        values[name] = value; // spaces are part of a password: kept as typed
      }
    } else if (typeof value === 'string' && value.trim() !== '') {
      values[name] = value.trim();
    }
  }
  return values;
}

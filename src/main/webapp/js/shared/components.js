/**
 * Small components every page uses. All render into the light DOM (no shadow root), so the one
 * stylesheet (app.css) applies and browser tests find their elements without piercing shadows.
 *
 * API:
 *   LightElement                  base class: a LitElement rendering into itself
 *   SessionElement                a LightElement that renders again on every session change
 *   <lumiku-balance>              the balance from the session, a link to the credits page
 *                                 (data-test="balance")
 *   <lumiku-error .error .fields> an ApiError (or any error) as a user-safe message, role=alert,
 *                                 scrolled into view when it appears; a 402 links to buying
 *                                 credits; field errors not named in .fields are listed
 *   <lumiku-field-error .error field>  the message of one field, under its control (give it an id
 *                                 and point the control's aria-describedby at it)
 *   <lumiku-loading label>        a polite "Loading ..." line
 *   empty states                  no component: html`<p class="empty">why, and what to do</p>`
 *   userMessage(error)            the text to show for any error
 */
import { LitElement, html, nothing } from 'lit';
import { session } from './session.js';
import { credits } from './format.js';
import { ApiError } from './api.js';

export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}

/** A LightElement that renders again whenever the session changes (sign-in, balance). */
export class SessionElement extends LightElement {
  connectedCallback() {
    super.connectedCallback();
    this.unsubscribeSession = session.subscribe(() => this.requestUpdate());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribeSession?.();
  }
}

export function userMessage(error) {
  if (!error) {
    return '';
  }
  return error instanceof ApiError ? error.message : 'Something went wrong in the page. Please reload and try again.';
}

class Balance extends SessionElement {
  render() {
    const balance = session.balance;
    return html`<a class="balance" href="#/credits" data-test="balance" title="Your credits: history and buying more">
      <span data-test="balance-value">${balance === null ? '…' : balance}</span>
      <span class="balance-unit">${balance === 1 ? 'credit' : 'credits'}</span>
    </a>`;
  }
}
customElements.define('lumiku-balance', Balance);

class ErrorMessage extends LightElement {
  static properties = { error: { attribute: false }, fields: { attribute: false } };

  updated(changed) {
    if (changed.has('error') && this.error) {
      this.scrollIntoView({ block: 'nearest' });
    }
  }

  render() {
    if (!this.error) {
      return nothing;
    }
    const shown = new Set(this.fields ?? []);
    const others = (this.error.errors ?? []).filter((e) => !shown.has(e.field));
    return html`<div class="alert" role="alert">
      <p>${userMessage(this.error)}</p>
      ${others.length
        ? html`<ul>${others.map((e) => html`<li><strong>${e.field}</strong>: ${e.message}</li>`)}</ul>`
        : nothing}
      ${this.error.isPaymentRequired
        ? html`<p><a class="button" href="#/credits/buy" data-test="buy-credits-link">Buy credits</a>
            ${session.balance !== null ? html`<span class="muted">You have ${credits(session.balance)}.</span>` : nothing}</p>`
        : nothing}
    </div>`;
  }
}
customElements.define('lumiku-error', ErrorMessage);

class FieldError extends LightElement {
  static properties = { error: { attribute: false }, field: {} };

  render() {
    const message = this.error?.fieldMessage?.(this.field);
    return message ? html`<span class="field-error">${message}</span>` : nothing;
  }
}
customElements.define('lumiku-field-error', FieldError);

class Loading extends LightElement {
  static properties = { label: {} };

  render() {
    return html`<p class="loading" role="status">${this.label || 'Loading…'}</p>`;
  }
}
customElements.define('lumiku-loading', Loading);

/** Whether the error names this field: for aria-invalid. */
export function invalid(error, field) {
  return error?.fieldMessage?.(field) ? 'true' : 'false';
}

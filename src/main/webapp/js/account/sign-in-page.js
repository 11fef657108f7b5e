/**
 * Register (#/register) and log in (#/login): POST /api/auth/register {email, password, name} and
 * POST /api/auth/login {email, password}, both answering {token, refreshToken, user}. ?next=<path> says where to
 * go afterwards.
 */
import { html, nothing } from 'lit';
import { api } from '../shared/api.js';
import { session } from '../shared/session.js';
import { navigate, href } from '../shared/router.js';
import { LightElement, invalid } from '../shared/components.js';
import { formValues } from '../shared/format.js';

class SignInPage extends LightElement {
  static properties = {
    mode: {},
    query: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  get #next() {
    const next = this.query?.get('next');
    return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  }

  async #submit(event) {
    event.preventDefault();
    const values = formValues(event.target);
    const registering = this.mode === 'register';
    this.busy = true;
    this.error = null;
    try {
      const answer = await api(registering ? 'auth/register' : 'auth/login', {
        method: 'POST',
        body: registering
          ? { name: values.name ?? '', email: values.email ?? '', password: values.password ?? '' }
          : { email: values.email ?? '', password: values.password ?? '' },
      });
      session.signIn(answer);
      navigate(this.#next, { replace: true });
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  #field(label, name, type, autocomplete, extra = {}) {
    const id = `${this.mode}-${name}`;
    return html`<label for=${id}>${label}</label>
      <input id=${id} name=${name} type=${type} autocomplete=${autocomplete} required
        minlength=${extra.minlength ?? nothing} maxlength=${extra.maxlength ?? nothing}
        aria-invalid=${invalid(this.error, name)} aria-describedby="${id}-error ${extra.hint ? `${id}-hint` : ''}"
        data-test=${`${this.mode}-${name}`}>
      ${extra.hint ? html`<span class="hint" id="${id}-hint">${extra.hint}</span>` : nothing}
      <lumiku-field-error id="${id}-error" .error=${this.error} field=${name}></lumiku-field-error>`;
  }

  render() {
    const registering = this.mode === 'register';
    const next = this.query?.get('next');
    const other = registering ? '/login' : '/register';
    return html`<section class="panel narrow">
      <h1 tabindex="-1">${registering ? 'Create your account' : 'Log in'}</h1>
      <p class="muted">${registering
        ? 'New accounts get free welcome credits to try every app.'
        : 'Welcome back.'}</p>
      <form class="stack" @submit=${this.#submit} data-test=${registering ? 'register-form' : 'login-form'}>
        ${registering ? this.#field('Name', 'name', 'text', 'name', { maxlength: 100 }) : nothing}
        ${this.#field('Email', 'email', 'email', 'email', { maxlength: 254 })}
        ${this.#field('Password', 'password', 'password', registering ? 'new-password' : 'current-password',
          registering ? { minlength: 10, maxlength: 200, hint: 'At least 10 characters, and not a common password.' } : {})}
        <lumiku-error .error=${this.error} .fields=${['name', 'email', 'password']}
          data-test=${registering ? 'register-error' : 'login-error'}></lumiku-error>
        <button type="submit" ?disabled=${this.busy} data-test=${registering ? 'register-submit' : 'login-submit'}>
          ${this.busy ? 'Please wait…' : registering ? 'Create account' : 'Log in'}
        </button>
      </form>
      <p>${registering ? 'Have an account?' : 'New to Lumiku?'}
        <a href=${href(next ? `${other}?next=${encodeURIComponent(next)}` : other)}>${registering ? 'Log in' : 'Create an account'}</a></p>
    </section>`;
  }
}
customElements.define('lumiku-sign-in', SignInPage);

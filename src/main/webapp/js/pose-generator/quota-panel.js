/**
 * <pose-quota-panel>: the caller's Pose Generator quota tier (the "unlimited" plan: poses paid with
 * a daily quota instead of credits) as it stands today, and the plans on sale with a link to buy
 * them (#/credits/buy?plan=<id>). Shows nothing more than a short line when there is neither.
 * Property .tier may be set by the page (it then does not load it).
 */
import { html, nothing } from 'lit';
import { LightElement, userMessage } from '../shared/components.js';
import { dateTime, rupiah } from '../shared/format.js';
import { loadPlans, loadTier } from './pose-words.js';

class QuotaPanel extends LightElement {
  static properties = {
    tier: { attribute: false },
    plans: { state: true },
    error: { state: true },
    loaded: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  async #load() {
    try {
      const [tier, plans] = await Promise.all([
        this.tier === undefined ? loadTier() : Promise.resolve(this.tier),
        loadPlans().catch(() => []), // no plans on sale is no reason to hide the tier
      ]);
      this.tier = tier;
      this.plans = plans;
    } catch (error) {
      this.error = error;
    }
    this.loaded = true;
  }

  #tier(tier) {
    if (!tier.inForce) {
      return html`<p data-test="quota-tier" data-in-force="false">Your unlimited plan ended ${dateTime(tier.expiresAt)}.
        Batches are paid with credits again.</p>`;
    }
    return html`<p data-test="quota-tier" data-in-force="true">
      <strong>Unlimited plan:</strong>
      <span data-test="quota-remaining">${tier.remainingToday}</span> of ${tier.dailyQuota} poses left today
      (used ${tier.usedToday}); the count starts again ${dateTime(tier.resetsAt)}. Plan until ${dateTime(tier.expiresAt)}.
    </p>`;
  }

  #plan(plan) {
    return html`<li data-test="plan-${plan.id}">
      ${plan.dailyQuota} poses a day for ${plan.days} days, ${rupiah(plan.price)}
      <a class="button small" href="#/credits/buy?plan=${encodeURIComponent(plan.id)}" data-test="buy-plan">Buy the plan</a>
    </li>`;
  }

  render() {
    if (!this.loaded) {
      return html`<lumiku-loading label="Loading your plan…"></lumiku-loading>`;
    }
    if (this.error) {
      return html`<p class="muted">Your plan could not be loaded: ${userMessage(this.error)}</p>`;
    }
    const plans = this.plans ?? [];
    return html`<div class="pose-quota" data-test="pose-quota">
      ${this.tier ? this.#tier(this.tier) : html`<p data-test="quota-none">Each pose is paid with credits.</p>`}
      ${plans.length && !this.tier?.inForce
        ? html`<p>Posing a lot? The unlimited plan pays poses with a daily quota instead of credits:</p>
            <ul class="plain">${plans.map((plan) => this.#plan(plan))}</ul>`
        : plans.length
          ? html`<p class="hint">Buying the plan again extends it: <a href="#/credits/buy?plan=${encodeURIComponent(plans[0].id)}" data-test="extend-plan">extend</a>.</p>`
          : nothing}
    </div>`;
  }
}
customElements.define('pose-quota-panel', QuotaPanel);

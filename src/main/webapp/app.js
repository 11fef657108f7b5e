// Lumiku's minimal web page: register or log in, see the balance, buy credits, order avatars, watch
// them finish.
// Plain JavaScript against the HTTP API (/api); the token lives in localStorage.
'use strict';

const state = { token: localStorage.getItem('lumiku.token'), watching: new Map() };
const $ = (id) => document.getElementById(id);

async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...options.headers };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const response = await fetch(`api/${path}`, { ...options, headers, body: options.body && JSON.stringify(options.body) });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401 && state.token) signOut();
  if (!response.ok) {
    const detail = body?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') || body?.detail || response.statusText;
    throw new Error(detail);
  }
  return body;
}

function say(text, isError = false) {
  $('message').textContent = text || '';
  $('message').className = isError ? 'error' : '';
}

function formData(form) {
  return Object.fromEntries(new FormData(form).entries());
}

function signOut() {
  state.token = null;
  localStorage.removeItem('lumiku.token');
  state.watching.forEach(clearTimeout);
  state.watching.clear();
  render();
}

async function signedIn(session) {
  state.token = session.token;
  localStorage.setItem('lumiku.token', session.token);
  await render();
}

async function refreshAccount() {
  const me = await api('me');
  $('who').textContent = me.name;
  $('balance').textContent = me.credits;
}

async function loadPackages() {
  const shop = await api('payments/packages');
  $('package').innerHTML = '';
  for (const p of shop.packages) {
    const bonus = p.bonusCredits ? ` + ${p.bonusCredits} bonus` : '';
    $('package').add(new Option(`${p.credits}${bonus} credits · IDR ${p.price.toLocaleString()}`, p.id));
  }
  for (const p of shop.plans || []) {
    const what = `${p.app}: ${p.dailyQuota} a day for ${p.days} days`;
    $('package').add(new Option(`${what} · IDR ${p.price.toLocaleString()}`, p.id));
  }
  $('method').innerHTML = '';
  for (const m of shop.paymentMethods) $('method').add(new Option(m, m));
  $('buy').disabled = $('package').options.length === 0;
}

async function loadProjects(selectId) {
  const projects = await api('apps/avatar-creator/projects');
  const select = $('project');
  select.innerHTML = '';
  for (const project of projects) {
    select.add(new Option(project.name, project.id, false, project.id === selectId));
  }
  $('generate').disabled = projects.length === 0;
  if (projects.length === 0) say('Create a project to start.');
}

function card(generation) {
  let item = document.querySelector(`[data-generation="${generation.id}"]`);
  if (!item) {
    item = document.createElement('li');
    item.dataset.generation = generation.id;
    $('generations').prepend(item);
  }
  const result = generation.result;
  const picture = result?.thumbnailUrl
    ? `<a href="${escape(result.imageUrl.replace(/^\//, ''))}" target="_blank"><img alt="avatar" src="${escape(result.thumbnailUrl.replace(/^\//, ''))}"></a>`
    : `<div class="placeholder">${generation.status === 'pending' && generation.queuePosition ? `#${generation.queuePosition} in queue` : generation.status}</div>`;
  item.innerHTML = `${picture}
    ${result?.name ? `<strong>${escape(result.name)}</strong>` : ''}
    <span class="status ${generation.status}">${generation.status}</span>
    ${generation.status === 'pending' || generation.status === 'processing' ? `<progress max="100" value="${generation.progress}"></progress>` : ''}
    ${generation.errorMessage ? `<span class="prompt">${escape(generation.errorMessage)}</span>` : ''}
    <span class="prompt">${new Date(generation.createdAt).toLocaleString()} · ${generation.creditCost} credits${generation.refunded ? ' · refunded' : ''}</span>`;
}

function escape(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

function watch(id) {
  if (state.watching.has(id)) return;
  const poll = async () => {
    try {
      const generation = await api(`generations/${id}`);
      card(generation);
      if (['pending', 'processing'].includes(generation.status)) {
        state.watching.set(id, setTimeout(poll, 1000));
      } else {
        state.watching.delete(id);
        refreshAccount();
      }
    } catch (e) {
      state.watching.delete(id);
    }
  };
  state.watching.set(id, setTimeout(poll, 500));
}

async function loadGenerations() {
  const page = await api('generations?app=avatar-creator&limit=24');
  $('generations').innerHTML = '';
  for (const generation of page.items.slice().reverse()) {
    card(generation);
    if (['pending', 'processing'].includes(generation.status)) watch(generation.id);
  }
}

async function render() {
  const signedIn = Boolean(state.token);
  $('signin').hidden = signedIn;
  $('studio').hidden = !signedIn;
  $('account').hidden = !signedIn;
  if (!signedIn) return;
  try {
    const apps = await fetch('api/apps').then((r) => r.json());
    $('cost').textContent = apps.find((a) => a.id === 'avatar-creator')?.costs?.generate ?? '?';
    await Promise.all([refreshAccount(), loadProjects(), loadGenerations(), loadPackages()]);
  } catch (e) {
    say(e.message, true);
  }
}

$('register-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await signedIn(await api('auth/register', { method: 'POST', body: formData(event.target) }));
    say('Welcome! Your credits are ready.');
  } catch (e) {
    say(e.message, true);
  }
});

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await signedIn(await api('auth/login', { method: 'POST', body: formData(event.target) }));
    say('');
  } catch (e) {
    say(e.message, true);
  }
});

$('logout').addEventListener('click', signOut);

$('project-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const project = await api('apps/avatar-creator/projects', { method: 'POST', body: formData(event.target) });
    event.target.reset();
    await loadProjects(project.id);
    say(`Project "${project.name}" created.`);
  } catch (e) {
    say(e.message, true);
  }
});

$('generate-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const projectId = $('project').value;
  if (!projectId) return say('Choose or create a project first.', true);
  $('generate').disabled = true;
  try {
    const order = await api(`apps/avatar-creator/projects/${projectId}/avatars/generate`, {
      method: 'POST',
      body: formData(event.target),
    });
    card(order.generation);
    watch(order.generation.id);
    $('balance').textContent = order.creditBalance;
    say(`Queued: ${order.creditUsed} credits used, ${order.creditBalance} left.`);
  } catch (e) {
    say(e.message, true);
  } finally {
    $('generate').disabled = false;
  }
});

$('buy-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('buy').disabled = true;
  try {
    // A key per purchase: a request retried after a lost answer does not make a second payment.
    const key = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
    const payment = await api('payments', {
      method: 'POST',
      body: formData(event.target),
      headers: { 'Idempotency-Key': key },
    });
    location.href = payment.paymentUrl;
  } catch (e) {
    say(e.message, true);
    $('buy').disabled = false;
  }
});

render();

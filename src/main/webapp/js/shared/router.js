/**
 * Hash routes (#/avatar-creator/projects/<id>?tab=x): the page is one document, so reloads and
 * links work without server routes. The route table is in js/app.js.
 *
 * API:
 *   currentLocation()         {path: '/avatar-creator/projects/1', query: URLSearchParams}
 *   match(pattern, path)      params of '/a/:id' against a path, or null
 *   navigate(path, {replace}) goes to '#' + path
 *   href(path)                the link to a path: '#' + path
 *   onNavigate(fn)            fn(location) after every change; returns the unsubscribe function
 */
export function currentLocation() {
  // Kept encoded: path segments are decoded once, in match(); the query by URLSearchParams.
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

export function match(pattern, path) {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) {
    return null;
  }
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(have[i]);
      } catch {
        return null; // a malformed escape (%zz): no page of ours, the not-found page
      }
    } else if (want[i] !== have[i]) {
      return null;
    }
  }
  return params;
}

export function href(path) {
  return `#${path}`;
}

export function navigate(path, { replace = false } = {}) {
  if (replace) {
    history.replaceState(null, '', href(path));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = path;
  }
}

export function onNavigate(listener) {
  const handler = () => listener(currentLocation());
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

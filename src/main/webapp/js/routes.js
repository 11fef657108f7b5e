/**
 * The pages: path pattern (router.js), the custom element that shows it and the module defining
 * it (loaded on first visit), whether it needs a signed-in user (auth) or an operator (admin), the
 * document title, and the label of its link in the header's navigation (nav). reuse: the routes
 * of this tag share one element, which gets new .params instead of being made again (it keeps its
 * live state, e.g. orders under way, across its pages). A feature adds its pages here; an app's
 * main page is at '/<app id>' so the dashboard links to it.
 */
export const routes = [
  { path: '/', tag: 'lumiku-dashboard', load: () => import('./dashboard/dashboard-page.js'), title: 'Apps', nav: 'Apps' },
  { path: '/login', tag: 'lumiku-sign-in', attrs: { mode: 'login' }, load: () => import('./account/sign-in-page.js'), title: 'Log in' },
  { path: '/register', tag: 'lumiku-sign-in', attrs: { mode: 'register' }, load: () => import('./account/sign-in-page.js'), title: 'Register' },
  { path: '/account', tag: 'lumiku-account', load: () => import('./account/account-page.js'), auth: true, title: 'Account' },
  { path: '/avatar-creator', tag: 'lumiku-avatar-creator', load: () => import('./avatar-creator/avatar-creator-page.js'), auth: true, title: 'Avatar Creator', nav: 'Avatar Creator', reuse: true },
  { path: '/avatar-creator/projects/:projectId', tag: 'lumiku-avatar-creator', load: () => import('./avatar-creator/avatar-creator-page.js'), auth: true, title: 'Avatar Creator', reuse: true },
  { path: '/credits', tag: 'lumiku-credits', load: () => import('./credits/credits-page.js'), auth: true, title: 'Credits', nav: 'Credits' },
  { path: '/credits/buy', tag: 'lumiku-buy-credits', load: () => import('./credits/buy-credits-page.js'), auth: true, title: 'Buy credits' },
  { path: '/credits/payments/:merchantOrderId', tag: 'lumiku-payment', load: () => import('./credits/payment-page.js'), auth: true, title: 'Payment' },
  { path: '/pose-generator', tag: 'lumiku-pose-projects', load: () => import('./pose-generator/projects-page.js'), auth: true, title: 'Pose Generator', nav: 'Poses' },
  { path: '/pose-generator/projects/:projectId', tag: 'lumiku-pose-project', load: () => import('./pose-generator/project-page.js'), auth: true, title: 'Pose project' },
  { path: '/pose-generator/requests', tag: 'lumiku-pose-requests', load: () => import('./pose-generator/requests-page.js'), auth: true, title: 'Pose requests' },
  { path: '/admin', tag: 'lumiku-admin-monitor', load: () => import('./admin/monitor-page.js'), admin: true, title: 'Queues', nav: 'Admin' },
  { path: '/admin/reconciliation', tag: 'lumiku-admin-reconciliation', load: () => import('./admin/reconciliation-page.js'), admin: true, title: 'Reconciliation' },
  { path: '/admin/users', tag: 'lumiku-admin-users', load: () => import('./admin/users-page.js'), admin: true, title: 'Users' },
  { path: '/admin/payments', tag: 'lumiku-admin-payments', load: () => import('./admin/payments-page.js'), admin: true, title: 'Payments (admin)' },
  { path: '/admin/pose-requests', tag: 'lumiku-admin-pose-requests', load: () => import('./admin/pose-requests-page.js'), admin: true, title: 'Pose requests (admin)' },
  { path: '/admin/pose-library', tag: 'lumiku-admin-pose-library', load: () => import('./admin/pose-library-page.js'), admin: true, title: 'Pose library (admin)' },
];

/**
 * Server paths that serve this page (index.html) and the route each stands for, given the query:
 * the payment gateway sends buyers back to /payment/success?merchantOrderId=... (PaymentReturnPage).
 */
export const entryPaths = {
  '/payment/success': (query) =>
    query.get('merchantOrderId') ? `/credits/payments/${encodeURIComponent(query.get('merchantOrderId'))}` : '/credits',
};

/** Whether the app has a page in the web app (the dashboard links only to those). */
export function hasPage(appId) {
  return routes.some((route) => route.path === `/${appId}`);
}

// The console's entry point: who is logged in, the navigation, and a hash router (#/invoices?status=DRAFT) so every
// view has an address, the back button works and the server only serves static files.
import { h, fill } from './dom.js';
import { xsrfToken } from './api.js';
import { loadMe } from './session.js';
import { notify, clearNotice } from './ui.js';
import * as dashboard from './views/dashboard.js';
import * as reconciliation from './views/reconciliation.js';
import * as invoices from './views/invoices.js';
import * as invoice from './views/invoice.js';
import * as webhooks from './views/webhooks.js';
import * as audit from './views/audit.js';

const VIEWS = {
  dashboard: (main, p) => dashboard.render(main, p),
  reconciliation: (main, p) => reconciliation.render(main, p),
  invoices: (main, p, rest) => (rest ? invoice.render(main, decodeURIComponent(rest)) : invoices.render(main, p)),
  webhooks: (main, p) => webhooks.render(main, p),
  audit: (main, p) => audit.render(main, p),
};

async function route() {
  const main = document.getElementById('main');
  const [path, search] = (window.location.hash.replace(/^#\/?/, '') || 'dashboard').split('?');
  const [name, ...rest] = path.split('/');
  const view = VIEWS[name] ? name : 'dashboard';
  for (const link of document.querySelectorAll('nav a[data-view]')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  clearNotice();
  main.setAttribute('aria-busy', 'true');
  try {
    await VIEWS[view](main, new URLSearchParams(search || ''), rest.join('/'));
  } catch (e) {
    fill(main, h('h1', {}, 'Could not load this page'));
    notify(e.message || String(e), 'error');
  } finally {
    main.removeAttribute('aria-busy');
    // Tells tests (and screen readers' users, via focus) that the view is ready.
    document.body.dataset.view = view;
  }
}

async function start() {
  // Logout is a POST with the CSRF token; a form so the browser follows the server's redirect to the login page.
  document.getElementById('logout').addEventListener('submit', () => {
    document.getElementById('logout-csrf').value = xsrfToken();
  });
  try {
    const me = await loadMe();
    fill(document.getElementById('who'), h('span', { id: 'user-name' }, me.name), ' ', h('span', { id: 'user-role', class: 'role' }, me.role));
    document.body.dataset.role = me.role;
  } catch (e) {
    notify(e.message || String(e), 'error');
    return;
  }
  window.addEventListener('hashchange', route);
  await route();
}

start();

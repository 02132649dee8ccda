// The Truecount console: one page, a view per hash (#dashboard, #invoices, ...), everything through the REST API with
// the session cookie. Writes carry the CSRF token Spring Security keeps in the XSRF-TOKEN cookie.
import { barChart } from './chart.js';

const view = document.getElementById('view');
const message = document.getElementById('message');
let me = { name: '', role: 'viewer' };
const RANK = { viewer: 0, approver: 1, admin: 2 };
const can = role => RANK[me.role] >= RANK[role];

function csrf() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

/** Calls the API; a problem answer becomes an Error with the problem's detail (or title) as its message. */
async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrf();
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    location.href = '/login';
    throw new Error('Your session has ended; please log in again.');
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const detail = data && (data.detail || data.title);
    const errors = data && Array.isArray(data.errors)
      ? ': ' + data.errors.map(e => e.message ? `${e.file}:${e.line}:${e.column}: ${e.message}` : e).join('; ') : '';
    throw new Error((detail || `HTTP ${response.status}`) + errors);
  }
  return data;
}

function show(text, kind = 'error') {
  message.textContent = text;
  message.className = kind === 'info' ? 'info' : '';
  message.hidden = !text;
}

/** Builds an element: h('td', {class: 'num'}, '12.00'). Children are nodes or text, never HTML. */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const when = instant => instant ? new Date(instant).toLocaleString() : '—';
const status = s => h('span', { class: `status ${s}` }, s);

function table(headers, rows, { empty = 'Nothing here.' } = {}) {
  if (rows.length === 0) return h('p', { class: 'muted' }, empty);
  return h('table', {},
    h('thead', {}, h('tr', {}, headers.map(col => h('th', { class: col.num ? 'num' : undefined, scope: 'col' },
      col.label ?? col)))),
    h('tbody', {}, rows));
}

/** Asks for a reason next to the button; resolves null when cancelled. */
function askReason(action, required) {
  const text = prompt(`${action}: reason${required ? '' : ' (optional)'}`);
  if (text === null) return null;
  if (required && !text.trim()) {
    show(`A reason is required to ${action.toLowerCase()}.`);
    return null;
  }
  return text.trim();
}

async function act(label, fn, after) {
  try {
    show('');
    await fn();
    show(label, 'info');
    await after();
  } catch (e) {
    show(e.message);
  }
}

// ---------------------------------------------------------------------------------------------------- dashboard
async function dashboard() {
  const [d, connectors] = await Promise.all([api('GET', '/api/dashboard'), api('GET', '/api/connectors')]);
  const totals = d.totals.filter(t => t.period === d.period);
  const cards = h('div', { class: 'cards' },
    totals.map(t => h('div', { class: 'card' },
      h('div', { class: 'value' }, `${t.currency} ${t.total}`),
      h('div', { class: 'label' }, `billable in ${d.period} (${t.invoices} invoices)`))),
    d.change.map(c => h('div', { class: 'card' },
      h('div', { class: 'value' }, `${c.amount.startsWith('-') ? '' : '+'}${c.amount}`),
      h('div', { class: 'label' }, `${c.currency} vs last month${c.percent ? ` (${c.percent}%)` : ''}`))),
    h('div', { class: 'card' }, h('div', { class: 'value' }, d.openItems), h('div', { class: 'label' }, 'open discrepancies')),
    h('div', { class: 'card' }, h('div', { class: 'value' }, d.drafts), h('div', { class: 'label' }, 'drafts to review')),
    h('div', { class: 'card' }, h('div', { class: 'value' }, d.held), h('div', { class: 'label' }, 'held')),
    h('div', { class: 'card' }, h('div', { class: 'value' }, d.deadLetters), h('div', { class: 'label' }, 'dead webhook events')));
  const currencies = [...new Set(d.totals.map(t => t.currency))];
  const charts = currencies.map(currency => {
    const months = d.totals.filter(t => t.currency === currency);
    return h('figure', {},
      barChart(months.map(t => ({ label: t.period, value: Number(t.total), title: `${t.period}: ${currency} ${t.total}` })),
        { label: `Billable totals in ${currency}, last ${months.length} months` }),
      h('figcaption', { class: 'muted' }, `${currency} billed per month`));
  });
  const byId = Object.fromEntries(d.connectors.map(c => [c.id, c]));
  const rows = connectors.map(c => {
    const health = byId[c.id]?.health ?? (c.lastRun ? (c.lastRun.status === 'FAILED' ? 'failing' : 'ok') : 'never-run');
    return h('tr', {},
      h('td', {}, c.id), h('td', {}, c.type), h('td', {}, c.role),
      h('td', {}, c.role === 'source' || c.lastRun ? status(health) : h('span', { class: 'muted' }, '—')),
      h('td', {}, c.lastRun ? `${when(c.lastRun.finishedAt || c.lastRun.startedAt)} · ${c.lastRun.records} records` : '—'),
      h('td', {}, c.nextRun ? when(c.nextRun) : (c.schedule ? '—' : 'on demand')),
      h('td', {}, c.lastRun?.error ?? ''));
  });
  view.replaceChildren(
    h('h1', {}, `Dashboard · ${d.period}`), cards, ...charts,
    h('h2', {}, 'Connectors'),
    table(['Connector', 'Type', 'Role', 'Health', 'Last run', 'Next run', 'Last error'], rows));
}

// ----------------------------------------------------------------------------------------------- reconciliation
async function reconciliation(params) {
  const customers = await api('GET', '/api/customers');
  const customer = params.get('customer') || '';
  const state = params.get('state') ?? 'open';
  const query = new URLSearchParams();
  if (customer) query.set('customer', customer);
  if (state) query.set('state', state);
  const items = await api('GET', `/api/reconciliation?${query}`);
  const reload = () => route();
  const select = h('select', { id: 'customer', 'aria-label': 'Customer', onchange: e => go('reconciliation', { customer: e.target.value, state }) },
    h('option', { value: '' }, 'All customers'),
    customers.map(c => h('option', { value: c.id, selected: c.id === customer }, c.name)));
  const stateSelect = h('select', { id: 'state', 'aria-label': 'State', onchange: e => go('reconciliation', { customer, state: e.target.value }) },
    ['open', 'acknowledged', 'dismissed', ''].map(s => h('option', { value: s, selected: s === state }, s || 'any state')));
  const rows = items.map(item => h('tr', { 'data-item': item.id },
    h('td', {}, item.period), h('td', {}, item.customer ?? '—'), h('td', {}, item.kind), h('td', {}, item.message),
    h('td', { class: 'state' }, status(item.state), item.reason ? h('div', { class: 'muted' }, `${item.reason} — ${item.actor}`) : null),
    h('td', {}, can('approver') ? [
      h('button', { class: 'secondary', 'data-action': 'acknowledge', onclick: () => {
        const reason = askReason('Acknowledge', false);
        if (reason === null) return;
        act('Acknowledged.', () => api('POST', `/api/reconciliation/${item.id}/acknowledge`, { reason }), reload);
      } }, 'Acknowledge'), ' ',
      h('button', { class: 'secondary', 'data-action': 'dismiss', onclick: () => {
        const reason = askReason('Dismiss', true);
        if (reason === null) return;
        act('Dismissed.', () => api('POST', `/api/reconciliation/${item.id}/dismiss`, { reason }), reload);
      } }, 'Dismiss'),
    ] : null)));
  view.replaceChildren(h('h1', {}, 'Reconciliation'),
    h('div', { class: 'toolbar' }, h('label', { for: 'customer' }, 'Customer'), select, h('label', { for: 'state' }, 'State'), stateSelect),
    table(['Period', 'Customer', 'Kind', 'What', 'State', ''], rows, { empty: 'No discrepancies to review.' }));
}

// ----------------------------------------------------------------------------------------------------- invoices
async function invoices(params) {
  const filter = params.get('status') ?? 'DRAFT';
  const list = await api('GET', `/api/invoices${filter ? `?status=${filter}` : ''}`);
  const selected = () => [...view.querySelectorAll('input[name=pick]:checked')].map(box => box.value);
  const bulk = (action, required) => {
    const numbers = selected();
    if (numbers.length === 0) { show('Select one or more invoices first.'); return; }
    const reason = askReason(action === 'approve' ? 'Approve' : 'Hold', required);
    if (reason === null) return;
    act(`${numbers.length} invoice(s): ${action} done.`, async () => {
      const result = await api('POST', `/api/invoices/${action}`, { numbers, reason });
      const failed = result.results.filter(r => r.error);
      if (failed.length) throw new Error(failed.map(r => `${r.number}: ${r.error}`).join('; '));
    }, () => route());
  };
  const statusSelect = h('select', { id: 'status', 'aria-label': 'Status', onchange: e => go('invoices', { status: e.target.value }) },
    ['DRAFT', 'HELD', 'APPROVED', 'POSTED', 'PAID', 'PAYMENT_FAILED', 'VOID', ''].map(s =>
      h('option', { value: s, selected: s === filter }, s || 'any status')));
  const rows = list.map(inv => h('tr', { 'data-invoice': inv.number },
    h('td', {}, can('approver') ? h('input', { type: 'checkbox', name: 'pick', value: inv.number, 'aria-label': `Select ${inv.number}` }) : null),
    h('td', {}, h('a', { href: `#invoice/${encodeURIComponent(inv.number)}` }, inv.number)),
    h('td', {}, inv.customerName), h('td', {}, inv.period), h('td', { class: 'status-cell' }, status(inv.status)),
    h('td', { class: 'num' }, `${inv.currency} ${inv.total}`)));
  view.replaceChildren(h('h1', {}, 'Invoices'),
    h('div', { class: 'toolbar' }, h('label', { for: 'status' }, 'Status'), statusSelect,
      can('approver') ? [h('button', { id: 'bulk-approve', onclick: () => bulk('approve', false) }, 'Approve selected'),
        h('button', { id: 'bulk-hold', class: 'secondary', onclick: () => bulk('hold', true) }, 'Hold selected')] : null),
    table(['', 'Number', 'Customer', 'Period', 'Status', { label: 'Total', num: true }], rows, { empty: 'No invoices.' }));
}

async function invoice(number) {
  const inv = await api('GET', `/api/invoices/${encodeURIComponent(number)}`);
  const reload = () => route();
  const decide = (action, label, required, role = 'approver') => can(role) ? h('button', {
    'data-action': action, class: action === 'approve' ? undefined : 'secondary', onclick: () => {
      const reason = askReason(label, required);
      if (reason === null) return;
      act(`${inv.number}: ${label.toLowerCase()} done.`,
        () => api('POST', `/api/invoices/${encodeURIComponent(inv.number)}/${action}`, { reason }), reload);
    },
  }, label) : null;
  const lines = inv.lines.map(l => h('tr', {},
    h('td', {}, l.description, h('div', { class: 'muted' }, `${l.contract} / ${l.line}`)),
    h('td', { class: 'num' }, l.quantity), h('td', { class: 'num' }, l.unitPrice ?? ''), h('td', { class: 'num' }, l.amount),
    h('td', {}, l.sources.length ? h('details', {}, h('summary', {}, `${l.sources.length} source record(s)`),
      h('ul', {}, l.sources.map(s => h('li', {}, `${s.connector} ${s.type} ${s.externalId}${s.label ? ` — ${s.label}` : ''}`)))) : '—')));
  view.replaceChildren(
    h('p', {}, h('a', { href: '#invoices' }, '← Invoices')),
    h('h1', {}, `${inv.number} `, h('span', { id: 'invoice-status' }, status(inv.status))),
    h('p', {}, `${inv.customerName} · ${inv.periodStart} – ${inv.periodEnd} · due ${inv.dueDate ?? '—'}`,
      inv.holdReason ? h('div', { class: 'muted' }, `Held: ${inv.holdReason}`) : null),
    h('div', { class: 'toolbar' },
      ['DRAFT', 'HELD'].includes(inv.status) ? decide('approve', 'Approve', false) : null,
      inv.status === 'DRAFT' ? decide('hold', 'Hold', true) : null,
      inv.status === 'HELD' ? decide('release', 'Release', false) : null,
      ['APPROVED', 'POSTED'].includes(inv.status) ? decide('push', 'Push now', false) : null,
      !['VOID', 'PAID'].includes(inv.status) ? decide('void', 'Void', true, 'admin') : null),
    table(['Line', { label: 'Quantity', num: true }, { label: 'Unit price', num: true }, { label: 'Amount', num: true }, 'Counted from'], lines),
    h('p', { class: 'num' }, `Subtotal ${inv.subtotal} · Tax ${inv.tax} · Total ${inv.currency} ${inv.total}`),
    h('h2', {}, 'History'),
    table(['When', 'From', 'To', 'Who', 'Reason'], inv.transitions.map(t =>
      h('tr', {}, h('td', {}, when(t.at)), h('td', {}, t.from ?? '—'), h('td', {}, t.to), h('td', {}, t.actor), h('td', {}, t.reason ?? '')))),
    h('h2', {}, 'Pushes'),
    table(['Connector', 'State', 'External id', 'Attempts', 'Error'], inv.pushes.map(p =>
      h('tr', {}, h('td', {}, p.connector), h('td', {}, status(p.state)), h('td', {}, p.externalNumber ?? p.externalId ?? '—'),
        h('td', { class: 'num' }, p.attempts), h('td', {}, p.error ?? ''))), { empty: 'Not pushed.' }),
    h('h2', {}, 'Payments'),
    table(['When', 'Connector', 'Kind', { label: 'Amount', num: true }, 'Note'], inv.payments.map(p =>
      h('tr', {}, h('td', {}, when(p.occurredAt)), h('td', {}, p.connector), h('td', {}, p.kind),
        h('td', { class: 'num' }, p.amount ? `${p.currency} ${p.amount}` : ''), h('td', {}, p.note ?? ''))), { empty: 'No payment events.' }));
}

// ----------------------------------------------------------------------------------------------------- webhooks
async function webhooks() {
  const [events, dead] = await Promise.all([api('GET', '/api/webhooks/events?limit=50'), api('GET', '/api/webhooks/dead')]);
  const row = (e, replay) => h('tr', {},
    h('td', { class: 'num' }, e.id), h('td', {}, e.connector), h('td', {}, e.type ?? ''), h('td', {}, e.eventId),
    h('td', {}, status(e.state)), h('td', { class: 'num' }, e.attempts), h('td', {}, when(e.receivedAt)), h('td', {}, e.error ?? ''),
    h('td', {}, replay && can('admin') ? h('button', { class: 'secondary', onclick: () => act(`Event ${e.id} replayed.`,
      () => api('POST', `/api/webhooks/events/${e.id}/replay`, {}), () => route()) }, 'Replay') : null));
  const headers = [{ label: 'Id', num: true }, 'Connector', 'Type', 'Vendor event', 'State', { label: 'Attempts', num: true }, 'Received', 'Error', ''];
  view.replaceChildren(h('h1', {}, 'Webhooks'),
    h('h2', {}, 'Dead letters'), table(headers, dead.map(e => row(e, true)), { empty: 'No dead letters.' }),
    h('h2', {}, 'Latest events'), table(headers, events.map(e => row(e, false)), { empty: 'No events received yet.' }));
}

// -------------------------------------------------------------------------------------------------------- audit
async function audit() {
  const entries = await api('GET', '/api/audit?limit=200');
  view.replaceChildren(h('h1', {}, 'Audit log'),
    table(['When', 'Who', 'Action', 'Target', 'Reason', 'Details'], entries.map(e => h('tr', {},
      h('td', {}, when(e.at)), h('td', {}, e.actor), h('td', {}, e.action), h('td', {}, e.target ?? ''),
      h('td', {}, e.reason ?? ''), h('td', { class: 'muted' }, Object.keys(e.details || {}).length ? JSON.stringify(e.details) : '')))));
}

// ------------------------------------------------------------------------------------------------------- router
function go(name, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined)).toString();
  location.hash = query ? `${name}?${query}` : name;
}

async function route() {
  const [path, query] = (location.hash.slice(1) || 'dashboard').split('?');
  const params = new URLSearchParams(query || '');
  const [name, arg] = path.split('/');
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active',
    a.dataset.view === name || (name === 'invoice' && a.dataset.view === 'invoices')));
  try {
    if (name === 'reconciliation') await reconciliation(params);
    else if (name === 'invoices') await invoices(params);
    else if (name === 'invoice') await invoice(decodeURIComponent(arg));
    else if (name === 'webhooks') await webhooks();
    else if (name === 'audit') await audit();
    else await dashboard();
    view.dataset.ready = name;
  } catch (e) {
    show(e.message);
  }
}

async function start() {
  try {
    me = await api('GET', '/api/me');
    document.getElementById('who').textContent = `${me.name} (${me.role})`;
  } catch (e) {
    show(e.message);
  }
  document.getElementById('logout').addEventListener('submit', () => {
    document.getElementById('logout-csrf').value = csrf();
  });
  window.addEventListener('hashchange', () => { show(''); route(); });
  await route();
}

start();

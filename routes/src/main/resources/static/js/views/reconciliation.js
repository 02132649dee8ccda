// Reconciliation review per customer: open discrepancies of the latest billing run of each period, acknowledged or
// dismissed with a reason. A decided item stays on screen with its new state until the list is reloaded.
import { api, query } from '../api.js';
import { h, fill, field, select, badge, when } from '../dom.js';
import { can } from '../session.js';
import { notify, attempt, askReason } from '../ui.js';

export async function render(main, params) {
  // Open items by default; "all" in the address means no state filter.
  const state = params.get('state');
  const filters = { period: params.get('period') || '', state: state === null ? 'open' : state === 'all' ? '' : state };
  const items = await api.get('/api/reconciliation' + query(filters));
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e) => { e.preventDefault(); go(form); } },
    field('Period', h('input', { name: 'period', value: filters.period, placeholder: 'YYYY-MM', pattern: '\\d{4}-\\d{2}' })),
    field('State', select('state', [['open', 'Open'], ['acknowledged', 'Acknowledged'], ['dismissed', 'Dismissed'], ['', 'All']], filters.state)),
    h('button', { type: 'submit' }, 'Show'),
  );
  const groups = new Map();
  for (const item of items) {
    const key = item.customer || '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  fill(
    main,
    h('h1', {}, 'Reconciliation'),
    form,
    items.length === 0 ? h('p', { class: 'empty' }, 'No discrepancies match.') : null,
    [...groups.entries()].map(([customer, list]) =>
      h(
        'section',
        { class: 'customer', dataset: { customer } },
        h('h2', {}, customer || 'Not mapped to a customer'),
        h('ul', { class: 'items' }, list.map((item) => row(item))),
      )),
  );
}

function go(form) {
  const data = new FormData(form);
  window.location.hash = '#/reconciliation' + query({ period: data.get('period'), state: data.get('state') || 'all' });
}

function row(item) {
  const li = h('li', { class: 'item', dataset: { id: item.id, state: item.state } });
  const draw = (it) => {
    li.dataset.state = it.state;
    fill(
      li,
      h('div', { class: 'item-head' }, badge(it.kind), ' ', h('span', { class: 'period' }, it.period), ' ', h('span', { class: 'state' }, badge(it.state))),
      h('p', { class: 'message' }, it.message),
      fieldsList(it.fields),
      it.state !== 'open'
        ? h('p', { class: 'decision' }, `${it.state} by ${it.actor || '—'} `, when(it.decidedAt), it.reason ? `: ${it.reason}` : '')
        : null,
      it.state === 'open' && can('approver') ? actions(it, draw) : null,
    );
  };
  draw(item);
  return li;
}

function fieldsList(fields) {
  const entries = Object.entries(fields || {});
  if (entries.length === 0) return null;
  return h('dl', { class: 'fields' }, entries.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function actions(item, draw) {
  const acknowledge = async () => {
    const updated = await attempt(() => api.post(`/api/reconciliation/${encodeURIComponent(item.id)}/acknowledge`, {}));
    if (updated) { draw(updated); notify(`Acknowledged: ${item.message}`); }
  };
  const dismiss = async () => {
    const reason = await askReason(`Dismiss: ${item.message}`, { required: true, confirm: 'Dismiss' });
    if (reason === null) return;
    const updated = await attempt(() => api.post(`/api/reconciliation/${encodeURIComponent(item.id)}/dismiss`, { reason }));
    if (updated) { draw(updated); notify(`Dismissed: ${item.message}`); }
  };
  return h(
    'div',
    { class: 'actions' },
    h('button', { type: 'button', class: 'acknowledge', onclick: acknowledge }, 'Acknowledge'),
    h('button', { type: 'button', class: 'dismiss', onclick: dismiss }, 'Dismiss…'),
  );
}

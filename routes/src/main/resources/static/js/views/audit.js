// The audit log, newest first: who did what to which target, and why.
import { api, query } from '../api.js';
import { h, fill, field, table, when } from '../dom.js';

export async function render(main, params) {
  const filters = { actor: params.get('actor') || '', action: params.get('action') || '', limit: params.get('limit') || 100 };
  const entries = await api.get('/api/audit' + query(filters));
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e) => {
      e.preventDefault();
      const data = new FormData(form);
      window.location.hash = '#/audit' + query(Object.fromEntries(data.entries()));
    } },
    field('Actor', h('input', { name: 'actor', value: filters.actor })),
    field('Action', h('input', { name: 'action', value: filters.action })),
    field('Limit', h('input', { name: 'limit', type: 'number', min: 1, max: 1000, value: filters.limit })),
    h('button', { type: 'submit' }, 'Show'),
  );
  fill(
    main,
    h('h1', {}, 'Audit log'),
    form,
    table(null, ['When', 'Actor', 'Action', 'Target', 'Reason', 'Details'],
      entries.map((e) => [when(e.at), e.actor, e.action, e.target || '', e.reason || '', details(e.details)]),
      'No entries.'),
  );
}

function details(value) {
  if (value === null || value === undefined || value === '') return '';
  return h('code', {}, typeof value === 'string' ? value : JSON.stringify(value));
}

// Webhook inbox: recent events (filterable) and dead letters, which admins can replay.
import { api, query } from '../api.js';
import { h, fill, field, select, table, badge, when } from '../dom.js';
import { can } from '../session.js';
import { notify, attempt } from '../ui.js';

export async function render(main, params) {
  const filters = { state: params.get('state') || '', connector: params.get('connector') || '', limit: 50 };
  const [events, dead] = await Promise.all([
    api.get('/api/webhooks/events' + query(filters)),
    api.get('/api/webhooks/dead'),
  ]);
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e) => {
      e.preventDefault();
      const data = new FormData(form);
      window.location.hash = '#/webhooks' + query(Object.fromEntries(data.entries()));
    } },
    field('State', select('state', [['', 'Any'], ['RECEIVED', 'RECEIVED'], ['PROCESSED', 'PROCESSED'], ['DEAD', 'DEAD (dead letter)']], filters.state)),
    field('Connector', h('input', { name: 'connector', value: filters.connector })),
    h('button', { type: 'submit' }, 'Show'),
  );
  const admin = can('admin');
  fill(
    main,
    h('h1', {}, 'Webhooks'),
    h('section', { 'aria-labelledby': 'dead-h' },
      h('h2', { id: 'dead-h' }, 'Dead letters'),
      table(null, ['Received', 'Connector', 'Event', 'Type', 'Attempts', 'Error', ''],
        dead.map((e) => [when(e.receivedAt), e.connector, e.eventId, e.type, String(e.attempts), e.error || '',
          admin ? h('button', { type: 'button', class: 'replay', onclick: () => replay(e, main, params) }, 'Replay') : '']),
        'No dead letters.')),
    h('section', { 'aria-labelledby': 'events-h' },
      h('h2', { id: 'events-h' }, 'Events'),
      form,
      table(null, ['Received', 'Connector', 'Event', 'Type', 'State', 'Attempts', 'Processed', 'Error'],
        events.map((e) => [when(e.receivedAt), e.connector, e.eventId, e.type, badge(e.state), String(e.attempts), when(e.processedAt), e.error || '']),
        'No events.')),
  );
}

async function replay(event, main, params) {
  const answer = await attempt(() => api.post(`/api/webhooks/events/${encodeURIComponent(event.id)}/replay`, {}));
  if (answer) {
    await render(main, params);
    notify(`Event ${event.eventId} replayed: ${answer.state}.`);
  }
}

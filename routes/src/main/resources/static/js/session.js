// Who is logged in (GET /api/me) and what their role allows; the server enforces roles, this only hides buttons.
import { api } from './api.js';

const RANK = { viewer: 1, approver: 2, admin: 3 };
let me = { name: '', role: 'viewer' };

export async function loadMe() {
  me = await api.get('/api/me');
  return me;
}

export function currentUser() {
  return me;
}

/** Whether the logged-in role includes the given one (admin > approver > viewer). */
export function can(role) {
  return (RANK[me.role] || 0) >= RANK[role];
}

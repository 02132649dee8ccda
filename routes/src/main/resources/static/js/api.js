// The API client: the session cookie goes along by itself; every write carries the CSRF token from the XSRF-TOKEN
// cookie as X-XSRF-TOKEN. Problem details (RFC 7807) become an ApiError with a readable one-line message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function xsrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = xsrfToken();
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body || {}),
    });
  } catch (e) {
    throw new ApiError(0, `The server did not answer (${method} ${path}).`);
  }
  if (response.status === 401) {
    // The session ended (logout elsewhere, restart): back to the login page rather than a page of errors.
    window.location.assign('/login');
    throw new ApiError(401, 'Not logged in.');
  }
  const text = await response.text();
  const data = text ? parseJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, describe(response.status, data, text));
  return data;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

/** "Conflict: invoice ZY-1 is VOID and cannot be approved" (+ config errors as file:line:column message). */
export function describe(status, problem, text) {
  if (!problem || typeof problem !== 'object') {
    return `Request failed (${status})${text && text.length < 200 ? ': ' + text : ''}.`;
  }
  const title = problem.title || `Request failed (${status})`;
  let message = problem.detail ? `${title}: ${problem.detail}` : title;
  if (Array.isArray(problem.errors) && problem.errors.length) {
    message += ' — ' + problem.errors
      .map((e) => [e.file, e.line, e.column].filter((x) => x !== undefined && x !== null).join(':') + ' ' + e.message)
      .join('; ');
  }
  return message;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
};

/** Builds a query string from the non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

// Talking to the campaign service from the signed-in dashboard: the session cookie, and the CSRF token
// that Spring Security hands out in the XSRF-TOKEN cookie for every write.

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** An error the API answered with: its problem detail, and the problem itself for the fields it names. */
export class ApiError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the API; resolves to the JSON body (null for 204), rejects with an ApiError that carries the
 * RFC 9457 problem's detail.
 */
export async function api(path, options = {}) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  if (options.method && options.method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  const response = await fetch(path, Object.assign({}, options, { headers, credentials: 'same-origin' }));
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(body && body.detail ? body.detail : response.status + ' ' + response.statusText,
      response.status, body);
  }
  return body;
}

/** POSTs a multipart form (files and fields). */
export function postForm(path, form) {
  return api(path, { method: 'POST', body: form });
}

/** The CSRF token, for the sign-out form. */
export { csrfToken };

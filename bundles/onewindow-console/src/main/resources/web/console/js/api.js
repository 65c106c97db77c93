// The REST API, exactly as any other client uses it: the session cookie plus the CSRF token for changes.
const BASE = '/api/v1';
let csrf = null;

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
    this.details = (body && body.details) || [];
  }
}

export function useSession(session) {
  csrf = session ? session.csrfToken : null;
}

async function send(method, path, body, contentType) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (contentType) headers['Content-Type'] = contentType;
  const answer = await fetch(BASE + path, { method, headers, body, credentials: 'same-origin' });
  const type = answer.headers.get('Content-Type') || '';
  const data = answer.status === 204 ? null : type.includes('json') ? await answer.json() : await answer.text();
  if (!answer.ok) throw new ApiError(answer.status, typeof data === 'object' ? data : null);
  return data;
}

export const api = {
  get: path => send('GET', path),
  post: (path, value) => send('POST', path, value === undefined ? undefined : JSON.stringify(value), 'application/json'),
  put: (path, value) => send('PUT', path, JSON.stringify(value), 'application/json'),
  del: path => send('DELETE', path),
  upload: (path, files) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return send('POST', path, form);
  },
  url: path => BASE + path,
  /**
   * A JSON body with upload progress (fetch reports none): {@code onProgress(0..1)} while it goes,
   * {@code onProgress(null)} once sent while the server works on it.
   */
  postWithProgress: (path, json, onProgress) => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = e => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(null);
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) { onProgress(1); resolve(data); } else reject(new ApiError(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.send(json);
  }),
};

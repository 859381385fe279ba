// The console's only door to the server: owns the access token (sessionStorage, never a URL or a cookie), sends
// every request to the public /api, turns problem+json answers into ApiError and a 401 into a trip to the login.
const TOKEN_KEY = 'opera360.token';
const WANTED_KEY = 'opera360.wanted';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Erro ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  /** Field errors of a 400, as { field: message }. */
  get fields() {
    const out = {};
    for (const e of this.problem.errors || []) if (e.field && !out[e.field]) out[e.field] = e.message;
    return out;
  }
}

let token = sessionStorage.getItem(TOKEN_KEY);
const listeners = new Set();

export const session = {
  get token() { return token; },
  signedIn: () => !!token,
  set(value) {
    token = value;
    if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY);
    listeners.forEach(l => l(!!value));
  },
  onChange(listener) { listeners.add(listener); return () => listeners.delete(listener); },
  /** Remembers the page the user wanted, so the login can bring them back to it. */
  rememberWanted(route) { if (route && !route.startsWith('#/login')) sessionStorage.setItem(WANTED_KEY, route); },
  takeWanted() { const w = sessionStorage.getItem(WANTED_KEY); sessionStorage.removeItem(WANTED_KEY); return w; },
};

function expired() {
  session.rememberWanted(location.hash || '#/');
  session.set(null);
  location.hash = '#/login';
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { return await response.json(); } catch { /* an empty body */ }
  }
  return { status: response.status, detail: response.status >= 500
      ? 'O portal está indisponível no momento. Tente novamente em instantes.' : `Erro ${response.status}` };
}

/** A request to the API; answers the parsed JSON (or null for 204), throws ApiError otherwise. */
export async function request(method, path, body, { accept = 'application/json', signal, raw = false } = {}) {
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch('/api' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { detail: 'Sem conexão com o portal. Verifique sua rede e tente novamente.' });
  }
  if (response.status === 401 && token && !path.startsWith('/auth/login') && !path.startsWith('/auth/token')) {
    const problem = await problemOf(response);
    expired();
    throw new ApiError(401, problem);
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (raw) return response;
  if (response.status === 204 || response.status === 202 && !(response.headers.get('Content-Type') || '').includes('json')) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path, opts) => request('GET', path, undefined, opts),
  post: (path, body, opts) => request('POST', path, body ?? {}, opts),
  put: (path, body, opts) => request('PUT', path, body, opts),
};

/** Query string of the non-empty values; arrays repeat the parameter. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach(x => q.append(k, x)); else q.append(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Downloads a file the API serves behind the bearer token: fetched, then handed to the browser as a blob. */
export async function download(path, { accept = '*/*', fallbackName = 'arquivo' } = {}) {
  const response = await request('GET', path, undefined, { accept, raw: true });
  const disposition = response.headers.get('Content-Disposition') || '';
  // RFC 6266: filename* (RFC 5987, UTF-8) wins over filename, which may carry an RFC 2047 encoded word
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = extended ? decodeURIComponent(extended[1]) : plain && !plain[1].startsWith('=?') ? plain[1] : fallbackName;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/**
 * A file the API serves behind the bearer token as an object URL, for an <img> (the console's policy admits blob:
 * images). The caller revokes it with URL.revokeObjectURL when the image goes away.
 */
export async function objectUrl(path, { accept = '*/*', signal } = {}) {
  const response = await request('GET', path, undefined, { accept, signal, raw: true });
  return URL.createObjectURL(await response.blob());
}

/**
 * Follows a text/event-stream with fetch (EventSource cannot send the bearer header, and the token never goes into
 * a URL). Calls onEvent(name, data) per event; answers a function that stops it. Reconnects after a drop.
 */
export function stream(path, onEvent) {
  let stopped = false;
  let controller;
  let delay = 1000;
  async function run() {
    while (!stopped && token) {
      controller = new AbortController();
      try {
        const response = await request('GET', path, undefined, { accept: 'text/event-stream', signal: controller.signal, raw: true });
        delay = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = 'message';
            const data = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) continue;
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'event') name = val;
              else if (field === 'data') data.push(val);
            }
            if (data.length) onEvent(name, data.join('\n'));
          }
        }
      } catch (e) {
        if (stopped || e.name === 'AbortError' || e.status === 401) return;
      }
      if (stopped) return;
      await new Promise(r => setTimeout(r, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  }
  run();
  return () => { stopped = true; controller?.abort(); };
}

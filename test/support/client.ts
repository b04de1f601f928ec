// A tiny browser stand-in for in-process HTTP tests: keeps cookies, reads the CSRF token from
// the last page, and posts forms the way a browser without JavaScript would.
import type { Hono } from 'hono';

export interface Page {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

export class Client {
  readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: Hono<any>, private readonly headers: Record<string, string> = {}) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers({ ...this.headers, ...(init.headers as Record<string, string> | undefined) });
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const res = await this.app.request(path, { ...init, headers });
    this.remember(res);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrf = token[1]!;
    return { status: res.status, html, location: res.headers.get('location'), headers: res.headers };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.request(path, { headers });
  }

  /** Posts a urlencoded form with the current CSRF token (fetch a page with a form first). */
  post(path: string, fields: Record<string, string>, options: { csrf?: string | null } = {}): Promise<Page> {
    const body = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) body.set('_csrf', token);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    return this.request(path, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Posts a multipart form with one file, as a browser sends an upload form. */
  upload(path: string, fields: Record<string, string>, file: { field: string; name: string; content: string | Uint8Array<ArrayBuffer>; type?: string }): Promise<Page> {
    const body = new FormData();
    body.set('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set(file.field, new Blob([file.content], { type: file.type ?? 'text/csv' }), file.name);
    return this.request(path, { method: 'POST', body });
  }

  async json(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
    const headers = new Headers(this.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    if (body !== undefined) headers.set('content-type', 'application/json');
    const res = await this.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    this.remember(res);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }
}

/** Signs a client in by the login form. */
export async function signIn(client: Client, email: string, password: string): Promise<void> {
  await client.get('/account/login');
  const res = await client.post('/account/login', { email, password, next: '/' });
  if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
}

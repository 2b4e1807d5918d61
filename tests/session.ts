/**
 * Signs in over real HTTP, as a browser would, and keeps the cookies and
 * the CSRF token for later requests.
 */
export const DEMO_PASSWORD = "Demo-2026-academy";

/** A signed-in HTTP client. */
export interface Client {
  origin: string;
  cookie: string;
  csrf: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  postForm(
    path: string,
    fields: Record<string, string>,
    init?: RequestInit,
  ): Promise<Response>;
  postJson(path: string, body: unknown, init?: RequestInit): Promise<Response>;
}

function cookiesFrom(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [name, ...value] = pair.split("=");
    jar.set(name.trim(), value.join("="));
  }
}

/** A client of `origin`, anonymous until `signIn` is called. */
export function client(
  origin: string,
): Client & { signIn(login: string, password?: string): Promise<Response> } {
  const jar = new Map<string, string>();
  const c = {
    origin,
    cookie: "",
    csrf: "",
    async get(path: string, init: RequestInit = {}) {
      const res = await fetch(origin + path, {
        redirect: "manual",
        ...init,
        headers: { cookie: c.cookie, ...init.headers },
      });
      cookiesFrom(res, jar);
      c.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
      return res;
    },
    postForm(
      path: string,
      fields: Record<string, string>,
      init: RequestInit = {},
    ) {
      return c.get(path, {
        method: "POST",
        body: new URLSearchParams({ _csrf: c.csrf, ...fields }),
        ...init,
        headers: {
          origin,
          "content-type": "application/x-www-form-urlencoded",
          ...init.headers,
        },
      });
    },
    postJson(path: string, body: unknown, init: RequestInit = {}) {
      return c.get(path, {
        method: "POST",
        body: JSON.stringify(body),
        ...init,
        headers: {
          origin,
          "content-type": "application/json",
          "x-csrf-token": c.csrf,
          ...init.headers,
        },
      });
    },
    async refreshCsrf() {
      // Signed-in pages carry the token in a meta tag; before sign-in it is
      // issued with the first form (the sign-in form).
      const html = await (await c.get("/")).text();
      const meta = /name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
      c.csrf = meta ??
        /name="_csrf" value="([^"]+)"/.exec(
          await (await c.get("/login")).text(),
        )
          ?.[1] ??
        "";
    },
    async signIn(login: string, password = DEMO_PASSWORD) {
      await c.refreshCsrf();
      const res = await c.postForm("/login", { login, password });
      await res.body?.cancel();
      await c.refreshCsrf();
      return res;
    },
  };
  return c;
}

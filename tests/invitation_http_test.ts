/**
 * Invitations over real HTTP with the demo data: a manager invites a new
 * hire into their own cohort and the invitee accepts and lands signed in;
 * links work once and stop working when revoked; managers cannot invite into
 * other teams' cohorts; CSV import is all or nothing; every bad input is a
 * 4xx with a field message that changes nothing.
 */
import assert from "node:assert/strict";
import { startDateForDay } from "@/lib/identity/teams/cohort_store.ts";
import { MAX_CSV_BYTES } from "@/lib/identity/invitations/csv_import.ts";
import { startModuleServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();

const SCRIPT = "<script>alert(1)</script>";
/** SCRIPT as Preact escapes it in text and attributes. */
const ESCAPED = /&lt;script>alert\(1\)&lt;\/script>/;
const PASSWORD = "first day at work 2026";
// The demo seed puts cohort-a (售前一组) on day 12 of the plan today.
const COHORT_A_START = startDateForDay(12, new Date());

type Client = ReturnType<typeof client>;

async function signedIn(login: string): Promise<Client> {
  const c = client(server.origin);
  const res = await c.signIn(login);
  assert.equal(res.status, 303, `sign-in of ${login}`);
  return c;
}

const manager = await signedIn("manager@demo.academy");
const manager2 = await signedIn("manager2@demo.academy");
const admin = await signedIn("admin@demo.academy");

/** The page's HTML, after checking status and content type. */
async function html(res: Response, status: number, what = ""): Promise<string> {
  const body = await res.text();
  assert.equal(res.status, status, `${what}: ${body.slice(0, 300)}`);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/, what);
  assert.ok(!body.includes("<script>alert(1)"), `${what}: payload unescaped`);
  return body;
}

function invite(c: Client, fields: Record<string, string>) {
  return c.postForm("/invitations", {
    action: "invite",
    cohortId: "cohort-a",
    role: "learner",
    email: "",
    phone: "",
    ...fields,
  });
}

/** The one-time link token on a result page. */
function tokenIn(page: string): string {
  const m = /\/invite\/([A-Za-z0-9_-]{43})</.exec(page);
  assert.ok(m, "no invitation link on the page");
  return m[1];
}

/** Pending invitations the client sees: id -> name. */
async function pending(c: Client): Promise<Map<string, string>> {
  const page = await html(await c.get("/invitations"), 200, "list");
  return new Map(
    [...page.matchAll(
      /id="invitation-([0-9A-Z]{26})"><th scope="row">([^<]*)</g,
    )].map((m) => [m[1], m[2]]),
  );
}

/** An anonymous browser that opened the link (so it holds a CSRF token). */
async function opener(token: string): Promise<{ c: Client; page: string }> {
  const c = client(server.origin);
  const page = await html(await c.get(`/invite/${token}`), 200, "open link");
  c.csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  assert.ok(c.csrf, "no CSRF field on the accept form");
  return { c, page };
}

async function issue(c: Client, name: string, email: string): Promise<string> {
  return tokenIn(await html(await invite(c, { name, email }), 201, name));
}

function upload(
  c: Client,
  file: File | string | null,
  cohortId = "cohort-a",
): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", c.csrf);
  form.set("cohortId", cohortId);
  if (file !== null) form.set("file", file);
  return c.get("/invitations/import", {
    method: "POST",
    body: form,
    headers: { origin: server.origin },
  });
}

const csv = (rows: string[]) =>
  new File(
    [["姓名,邮箱,手机号,团队,入职日期", ...rows].join("\r\n")],
    "hires.csv",
    {
      type: "text/csv",
    },
  );

Deno.test({
  ...opts,
  name:
    "invitations: anonymous visitors are sent to sign in; learners and trainers are refused",
}, async () => {
  const anon = client(server.origin);
  for (const path of ["/invitations", "/invitations/import"]) {
    const res = await anon.get(path);
    assert.equal(res.status, 303, path);
    assert.equal(
      res.headers.get("location"),
      `/login?next=${encodeURIComponent(path)}`,
    );
    await res.body?.cancel();
  }
  const before = (await pending(manager)).size;
  for (const login of ["learner@demo.academy", "trainer@demo.academy"]) {
    const c = await signedIn(login);
    for (const path of ["/invitations", "/invitations/import"]) {
      await html(await c.get(path), 403, `${login} GET ${path}`);
    }
    await html(
      await invite(c, { name: "不该有", email: "nope@example.com" }),
      403,
      `${login} POST`,
    );
    await html(await upload(c, csv([])), 403, `${login} import`);
  }
  assert.equal((await pending(manager)).size, before);
});

Deno.test({
  ...opts,
  name:
    "invitations: a manager sees only their own cohorts, an admin every cohort",
}, async () => {
  const mine = await html(await manager.get("/invitations"), 200, "manager");
  assert.match(mine, /<option\s+value="cohort-a"/);
  assert.doesNotMatch(mine, /<option\s+value="cohort-b"/);
  assert.match(mine, /平台目前不会自动发送邮件/);
  const all = await html(await admin.get("/invitations"), 200, "admin");
  assert.match(all, /<option\s+value="cohort-a"/);
  assert.match(all, /<option\s+value="cohort-b"/);
  const form = await html(
    await manager.get("/invitations/import"),
    200,
    "form",
  );
  assert.match(form, /enctype="multipart\/form-data"/);
  assert.match(form, /type="file" accept="\.csv,text\/csv"/);
  assert.match(form, /姓名,邮箱,手机号,团队,入职日期/);
  assert.ok(form.includes(`售前一组,${COHORT_A_START}`), "example row");
});

Deno.test({
  ...opts,
  name:
    "invitations: a manager invites into their cohort; the invitee accepts, is signed in and lands on the learner home; the link works once",
}, async () => {
  const res = await invite(manager, {
    name: "陈新人",
    email: "chen.new@example.com",
  });
  const page = await html(res, 201, "invite");
  assert.equal(res.headers.get("cache-control"), "no-store");
  assert.match(page, /平台目前不会自动发送邮件/);
  assert.match(page, /chen\.new@example\.com/);
  const token = tokenIn(page);
  assert.ok(page.includes(`${server.origin}/invite/${token}`));
  assert.ok([...(await pending(manager)).values()].includes("陈新人"));
  // The link stays on the list until it is used or revoked (issue 22), on
  // a page kept out of caches.
  const listed = await manager.get("/invitations");
  assert.equal(listed.headers.get("cache-control"), "no-store");
  assert.ok((await listed.text()).includes(`/invite/${token}`));

  const { c: invitee, page: acceptPage } = await opener(token);
  assert.match(acceptPage, /陈新人/);
  assert.match(acceptPage, /售前一组/);
  assert.match(acceptPage, /value="陈新人"/);
  assert.match(acceptPage, /10 到 128 个字符/);
  const accepted = await invitee.postForm(`/invite/${token}`, {
    name: "陈新人",
    password: PASSWORD,
    repeat: PASSWORD,
  });
  assert.equal(accepted.status, 303);
  assert.equal(accepted.headers.get("location"), "/");
  assert.match(
    accepted.headers.get("set-cookie") ?? "",
    /sa_session=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}; .*HttpOnly/,
  );
  await accepted.body?.cancel();
  const home = await html(await invitee.get("/"), 200, "home");
  assert.match(home, /class="my-learning"/);
  assert.match(home, /陈新人/);
  // And the new learner signs in with the chosen password.
  const again = client(server.origin);
  assert.equal(
    (await again.signIn("chen.new@example.com", PASSWORD)).status,
    303,
  );
  // The invitation left the pending list; the manager's team shows the learner.
  assert.ok(![...(await pending(manager)).values()].includes("陈新人"));
  assert.ok(
    !(await (await manager.get("/invitations")).text()).includes(token),
  );
  assert.match(await (await manager.get("/team")).text(), /陈新人/);

  // Second use: a clear "already used" page, whether opened or posted.
  const anon = client(server.origin);
  const second = await html(await anon.get(`/invite/${token}`), 410, "reopen");
  assert.match(second, /邀请链接已使用/);
  const { c: other } = await opener(
    await issue(manager, "占位", "p@example.com"),
  );
  const replay = await other.postForm(`/invite/${token}`, {
    name: "冒名",
    password: PASSWORD,
    repeat: PASSWORD,
  });
  assert.match(await html(replay, 410, "replay"), /邀请链接已使用/);
});

Deno.test({
  ...opts,
  name:
    "invitations: a revoked link fails; revoking needs the inviter's rights and a pending invitation",
}, async () => {
  const token = await issue(manager, "撤销对象", "revoke.me@example.com");
  const [id] = [...(await pending(manager))].find(([, n]) => n === "撤销对象")!;
  const list = await (await manager.get("/invitations")).text();
  // The revoke button sits inside a <details> confirmation.
  assert.match(list, /<details class="confirm"><summary>撤销<\/summary>/);

  // Another team's manager may not revoke it.
  await html(
    await manager2.postForm("/invitations", {
      action: "revoke",
      invitationId: id,
      cohortId: "cohort-a",
    }),
    403,
    "manager2 revoke",
  );
  assert.equal((await opener(token)).page.includes("撤销对象"), true);

  const res = await manager.postForm("/invitations", {
    action: "revoke",
    invitationId: id,
    cohortId: "cohort-a",
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/invitations?done=revoked");
  await res.body?.cancel();
  const done = await html(await manager.get("/invitations?done=revoked"), 200);
  assert.match(done, /邀请已撤销/);
  assert.ok(!(await pending(manager)).has(id));

  const anon = client(server.origin);
  const gone = await html(await anon.get(`/invite/${token}`), 404, "revoked");
  assert.match(gone, /邀请链接无效/);
  const { c } = await opener(await issue(manager, "占位二", "p2@example.com"));
  const post = await c.postForm(`/invite/${token}`, {
    name: "",
    password: PASSWORD,
    repeat: PASSWORD,
  });
  assert.match(await html(post, 404, "accept revoked"), /邀请链接无效/);

  // Revoking again, or with ids that are not ids: a message, no 500.
  const twice = await manager.postForm("/invitations", {
    action: "revoke",
    invitationId: id,
    cohortId: "cohort-a",
  });
  assert.match(await html(twice, 404, "twice"), /这条邀请已不存在/);
  for (
    const fields of [
      { invitationId: "", cohortId: "" },
      { invitationId: SCRIPT, cohortId: "cohort-a" },
      { invitationId: id, cohortId: "x".repeat(100) },
    ]
  ) {
    const bad = await manager.postForm("/invitations", {
      action: "revoke",
      ...fields,
    });
    assert.match(await html(bad, 422, "bad revoke"), /无法识别要撤销的邀请/);
  }
  const unknownCohort = await manager.postForm("/invitations", {
    action: "revoke",
    invitationId: id,
    cohortId: "no-such-cohort",
  });
  await html(unknownCohort, 404, "revoke in unknown cohort");
});

Deno.test({
  ...opts,
  name:
    "invitations: a manager cannot invite or import into another team's cohort (403), nothing is created",
}, async () => {
  const before = await pending(admin);
  await html(
    await invite(manager2, {
      cohortId: "cohort-a",
      name: "越权",
      email: "cross@example.com",
    }),
    403,
    "manager2 invite",
  );
  await html(
    await upload(
      manager2,
      csv([`越权,cross2@example.com,,售前一组,${COHORT_A_START}`]),
    ),
    403,
    "manager2 import",
  );
  assert.deepEqual(await pending(admin), before);
  // The admin may invite anywhere.
  await issue(admin, "管理员邀请", "by.admin@example.com");
});

Deno.test({
  ...opts,
  name:
    "invitations: unknown, malformed and signed-in openings of a link get a clear page, never a 500",
}, async () => {
  const anon = client(server.origin);
  for (const bad of ["abc", "x".repeat(44), "%3Cscript%3E"]) {
    await html(await anon.get(`/invite/${bad}`), 404, `malformed ${bad}`);
  }
  const unknown = await anon.get(`/invite/${"A".repeat(43)}`);
  assert.match(await html(unknown, 404, "unknown"), /邀请链接无效/);

  // A signed-in user opening someone's link is told, not redirected.
  const token = await issue(manager, "待接受", "waiting@example.com");
  const seen = await html(
    await manager2.get(`/invite/${token}`),
    200,
    "signed in",
  );
  assert.match(seen, /你当前以「吴主管」的身份登录/);
  assert.match(seen, /action="\/logout"/);
  const post = await manager2.postForm(`/invite/${token}`, {
    name: "",
    password: PASSWORD,
    repeat: PASSWORD,
  });
  await html(post, 409, "signed-in accept");
  assert.ok([...(await pending(manager)).values()].includes("待接受"));
});

Deno.test({
  ...opts,
  name:
    "invitations: every bad invite input is a 4xx with a field message and creates nothing",
}, async () => {
  await issue(manager, "已邀请", "already@example.com");
  const before = await pending(admin);
  const cases: [string, Record<string, string>, number, string[]][] = [
    ["empty", { cohortId: "", name: "" }, 422, [
      "请选择入职批次",
      "请填写姓名",
      "请至少填写邮箱或手机号中的一项",
    ]],
    [
      "too long",
      {
        name: "长".repeat(51),
        email: `${"a".repeat(300)}@example.com`,
        phone: "1".repeat(200),
      },
      422,
      ["姓名太长了", "请填写有效的邮箱地址", "请填写 11 位中国大陆手机号"],
    ],
    ["line break", { name: "a\nb", email: "ab@example.com" }, 422, [
      "姓名里不能有换行或控制字符",
    ]],
    [
      "bad email and phone",
      {
        name: "张三",
        email: "abc",
        phone: "12345",
      },
      422,
      ["请填写有效的邮箱地址", "请填写 11 位中国大陆手机号"],
    ],
    [
      "unknown cohort",
      {
        cohortId: "no-such-cohort",
        name: "张三",
        email: "z3@example.com",
      },
      422,
      ["这个入职批次不存在"],
    ],
    [
      "script cohort",
      {
        cohortId: SCRIPT,
        name: "张三",
        email: "z3@example.com",
      },
      422,
      ["这个入职批次不存在"],
    ],
    [
      "bad role",
      { role: "admin", name: "张三", email: "z3@example.com" },
      422,
      [
        "邀请只能用于学员账号",
      ],
    ],
    ["script in email", { name: "张三", email: SCRIPT }, 422, [
      "请填写有效的邮箱地址",
    ]],
    [
      "login has an account",
      {
        name: "张三",
        email: "learner@demo.academy",
      },
      409,
      ["这个邮箱或手机号已经有账号了"],
    ],
    ["phone has an account", { name: "张三", phone: "13800000001" }, 409, [
      "这个邮箱或手机号已经有账号了",
    ]],
    ["already invited", { name: "张三", email: "ALREADY@example.com" }, 409, [
      "这个邮箱或手机号已有一条待接受的邀请",
    ]],
  ];
  for (const [what, fields, status, messages] of cases) {
    const page = await html(await invite(manager, fields), status, what);
    for (const m of messages) assert.ok(page.includes(m), `${what}: ${m}`);
    assert.match(page, /class="field-error" role="alert"/, what);
  }
  // Wrong type: a file where the name belongs; an unknown action.
  const form = new FormData();
  form.set("_csrf", manager.csrf);
  form.set("action", "invite");
  form.set("cohortId", "cohort-a");
  form.set("name", new File(["x"], "x.txt"));
  form.set("email", "file@example.com");
  const file = await manager.get("/invitations", {
    method: "POST",
    body: form,
    headers: { origin: server.origin },
  });
  assert.match(await html(file, 422, "file as name"), /请填写姓名/);
  const action = await manager.postForm("/invitations", { action: SCRIPT });
  assert.match(await html(action, 422, "action"), /无法识别这个操作/);
  assert.deepEqual(await pending(admin), before);

  // A script payload as a name is a name: stored, and shown escaped.
  const res = await invite(manager, { name: SCRIPT, email: "xss@example.com" });
  const page = await html(res, 201, "script name");
  assert.match(page, ESCAPED);
  const list = await html(await manager.get("/invitations"), 200, "list");
  assert.match(list, ESCAPED);
  const { page: accept } = await opener(tokenIn(page));
  assert.match(accept, ESCAPED);
});

Deno.test({
  ...opts,
  name:
    "invitations: every bad accept input is a 422 with a field message and leaves the link usable",
}, async () => {
  const token = await issue(manager, "王小明", "wang.xm@example.com");
  const { c } = await opener(token);
  const cases: [string, Record<string, string>, string][] = [
    ["empty", { name: "", password: "", repeat: "" }, "请设置密码"],
    [
      "too short",
      { name: "", password: "short", repeat: "short" },
      "密码太短了",
    ],
    ["too long", {
      name: "",
      password: "x".repeat(129),
      repeat: "x".repeat(129),
    }, "密码太长了"],
    [
      "mismatch",
      { name: "", password: PASSWORD, repeat: PASSWORD + "!" },
      "两次输入的密码不一致",
    ],
    ["long name", {
      name: "长".repeat(51),
      password: PASSWORD,
      repeat: PASSWORD,
    }, "姓名太长了"],
    [
      "line break",
      { name: "a\u0007b", password: PASSWORD, repeat: PASSWORD },
      "姓名里不能有换行",
    ],
    [
      "script password",
      { name: SCRIPT, password: SCRIPT, repeat: "" },
      "两次输入的密码不一致",
    ],
  ];
  for (const [what, fields, message] of cases) {
    const page = await html(
      await c.postForm(`/invite/${token}`, fields),
      422,
      what,
    );
    assert.ok(page.includes(message), `${what}: ${message}`);
    assert.match(page, /class="field-error" role="alert"/, what);
  }
  const form = new FormData();
  form.set("_csrf", c.csrf);
  form.set("password", new File([PASSWORD], "p.txt"));
  form.set("repeat", PASSWORD);
  const file = await c.get(`/invite/${token}`, {
    method: "POST",
    body: form,
    headers: { origin: server.origin },
  });
  assert.match(await html(file, 422, "file as password"), /请设置密码/);
  // Nothing happened: the link still opens, the login has no account.
  await opener(token);
  const nobody = client(server.origin);
  assert.equal(
    (await nobody.signIn("wang.xm@example.com", PASSWORD)).status,
    401,
  );

  // An empty name keeps the inviter's; a script name is stored and escaped.
  const ok = await c.postForm(`/invite/${token}`, {
    name: SCRIPT,
    password: PASSWORD,
    repeat: PASSWORD,
  });
  assert.equal(ok.status, 303);
  await ok.body?.cancel();
  const home = await html(await c.get("/"), 200, "home with script name");
  assert.match(home, ESCAPED);
});

Deno.test({
  ...opts,
  name:
    "invitations: a good CSV file imports one invitation per row and shows each link once",
}, async () => {
  const before = (await pending(manager)).size;
  const res = await upload(
    manager,
    csv([
      `新人甲,hire1@example.com,,售前一组,${COHORT_A_START}`,
      `新人乙,,139 0000 0001,售前一组,${COHORT_A_START.replaceAll("-", "/")}`,
      `${SCRIPT},hire3@example.com,,team-presale,${COHORT_A_START}`,
    ]),
  );
  const page = await html(res, 201, "import");
  assert.equal(res.headers.get("cache-control"), "no-store");
  assert.match(page, /已为 第 11 期新人营 · 售前一组 生成 3 条邀请链接/);
  assert.match(page, /平台目前不会自动发送邮件/);
  const tokens = [...page.matchAll(/\/invite\/([A-Za-z0-9_-]{43})</g)];
  assert.equal(new Set(tokens.map((m) => m[1])).size, 3);
  assert.match(page, /13900000001/);
  assert.match(page, ESCAPED);
  assert.equal((await pending(manager)).size, before + 3);
  // Each link works.
  const { page: accept } = await opener(tokens[1][1]);
  assert.match(accept, /新人乙/);

  // The same file again: every row is now a pending invitation, nothing imported.
  const again = await upload(
    manager,
    csv([`新人甲,hire1@example.com,,售前一组,${COHORT_A_START}`]),
  );
  assert.match(await html(again, 422, "again"), /已有一条待接受的邀请/);
  assert.equal((await pending(manager)).size, before + 3);
});

Deno.test({
  ...opts,
  name:
    "invitations: a CSV file with two bad rows reports both line numbers and imports nothing",
}, async () => {
  const before = await pending(manager);
  const res = await upload(
    manager,
    csv([
      `好人一,ok1@example.com,,售前一组,${COHORT_A_START}`, // line 2
      `坏人一,not-an-email,,售前一组,${COHORT_A_START}`, // line 3
      `好人二,ok2@example.com,,售前一组,${COHORT_A_START}`, // line 4
      `坏人二,bad2@example.com,,售后二组,${COHORT_A_START}`, // line 5
    ]),
  );
  const page = await html(res, 422, "bad rows");
  assert.match(page, /有 2 个问题，未导入任何人/);
  assert.match(page, /第 3 行/);
  assert.ok(page.includes("「not-an-email」不是有效的邮箱地址"));
  assert.match(page, /第 5 行/);
  assert.ok(page.includes("「售后二组」不是这个批次的团队（应为 售前一组）"));
  assert.doesNotMatch(page, /第 2 行|第 4 行/);
  assert.deepEqual(await pending(manager), before);
});

Deno.test({
  ...opts,
  name:
    "invitations: bad import input (no file, empty, wrong type, unknown cohort, oversized, script cells) is a 4xx with a message and imports nothing",
}, async () => {
  const before = await pending(admin);
  const missing = await upload(manager, null);
  assert.match(await html(missing, 422, "no file"), /请选择要上传的 CSV 文件/);
  const unnamed = await upload(manager, new File([], ""));
  assert.match(
    await html(unnamed, 422, "none chosen"),
    /请选择要上传的 CSV 文件/,
  );
  const empty = await upload(manager, new File([], "empty.csv"));
  assert.match(await html(empty, 422, "empty"), /这个文件是空的/);
  const text = await upload(manager, "姓名,邮箱\n张三,a@b.cn");
  assert.match(
    await html(text, 422, "text as file"),
    /请选择要上传的 CSV 文件/,
  );
  const png = await upload(
    manager,
    new File(
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, 10])],
      "a.png",
    ),
  );
  assert.match(await html(png, 422, "png"), /缺少「name」列/);
  const headerOnly = await upload(manager, csv([]));
  assert.match(
    await html(headerOnly, 422, "header only"),
    /除表头外没有可导入的行/,
  );
  const unknown = await upload(manager, csv([]), "no-such-cohort");
  assert.match(
    await html(unknown, 422, "unknown cohort"),
    /这个入职批次不存在/,
  );
  const badId = await upload(manager, csv([]), SCRIPT);
  assert.match(
    await html(badId, 422, "script cohort id"),
    /这个入职批次不存在/,
  );
  const scripts = await upload(
    manager,
    csv([`${SCRIPT},${SCRIPT},${SCRIPT},${SCRIPT},${SCRIPT}`]),
  );
  const scriptPage = await html(scripts, 422, "script cells");
  assert.match(scriptPage, ESCAPED);
  const quote = await upload(
    manager,
    csv([`"未闭合,x@example.com,,售前一组,${COHORT_A_START}`]),
  );
  assert.match(await html(quote, 422, "unclosed quote"), /第 2 行/);

  // Oversized, streamed without a length: the route measures the file.
  const big = new FormData();
  big.set("_csrf", manager.csrf);
  big.set("cohortId", "cohort-a");
  big.set(
    "file",
    new File([new Uint8Array(MAX_CSV_BYTES + 1).fill(65)], "big.csv"),
  );
  const encoded = new Request("http://x/", { method: "POST", body: big });
  const streamed = await manager.get("/invitations/import", {
    method: "POST",
    body: encoded.body,
    headers: {
      origin: server.origin,
      "content-type": encoded.headers.get("content-type")!,
    },
  });
  assert.match(await html(streamed, 413, "oversized, streamed"), /文件太大了/);
  // Oversized as a browser sends it (with Content-Length): refused by the
  // route before it reads the body, with the upload form's own message.
  const sized = await upload(
    manager,
    new File([new Uint8Array(MAX_CSV_BYTES + 1).fill(65)], "big.csv"),
  );
  assert.match(await html(sized, 413, "oversized, sized"), /文件太大了/);
  // Far beyond any form the app accepts, streamed without a length: the
  // CSRF check stops reading at its cap and answers 413.
  const huge = new FormData();
  huge.set("_csrf", manager.csrf);
  huge.set("cohortId", "cohort-a");
  huge.set(
    "file",
    new File([new Uint8Array(4 * MAX_CSV_BYTES).fill(65)], "huge.csv"),
  );
  const hugeEncoded = new Request("http://x/", { method: "POST", body: huge });
  const hugeStreamed = await manager.get("/invitations/import", {
    method: "POST",
    body: hugeEncoded.body,
    headers: {
      origin: server.origin,
      "content-type": hugeEncoded.headers.get("content-type")!,
    },
  });
  assert.match(await html(hugeStreamed, 413, "huge, streamed"), /内容太大/);
  assert.deepEqual(await pending(admin), before);
});

Deno.test({
  ...opts,
  name: "invitations: the server logged no unexpected error; stop it",
}, async () => {
  assert.doesNotMatch(server.output(), /TypeError|ReferenceError|Uncaught/);
  await server.stop();
});

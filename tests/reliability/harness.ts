/**
 * The reliability suite's shared parts: its settings, a fixture copy whose
 * quiz has no attempt limit, learners made straight in the store, a pool of
 * server instances that can be killed and restarted on one KV file, learner
 * clients that play quiz, scenario and drill over HTTP the way the pages and
 * islands do (retrying a lost request with the same idempotency key), and
 * the audit that compares what the clients were told with what the store
 * holds.
 */
import { copy } from "../fs_copy.ts";
import { startServer, type TestServer } from "../server.ts";
import { openStore } from "@/lib/db/kv.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { getDrillRun } from "@/lib/drill/drill_run_store.ts";
import { hashPassword } from "@/lib/identity/accounts/password.ts";
import { createSession } from "@/lib/identity/sessions/session_store.ts";
import { createUser } from "@/lib/identity/accounts/user_store.ts";
import { SESSION_COOKIE } from "@/lib/http/session_cookie.ts";
import { listAttempts } from "@/lib/quiz/attempt_store.ts";
import { getRun } from "@/lib/scenario/run_store.ts";

function setting(name: string, fallback: number): number {
  const raw = Deno.env.get(name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  }
  return n;
}

/**
 * Counts of the suite, from the environment (defaults keep the whole suite
 * within a few minutes on two cores).
 */
export const settings = {
  /** Concurrent learners in the crash and two-instance runs. */
  learners: setting("REL_LEARNERS", 100),
  /** SIGKILLs per crash run. */
  kills: setting("REL_KILLS", 3),
  /** Rounds of quiz + scenario + drill each learner plays in the crash run. */
  rounds: setting("REL_ROUNDS", 2),
  /** Seconds of load in the two-instance run. */
  seconds: setting("REL_SECONDS", 10),
  /** Malformed bodies per endpoint in the fuzz run. */
  fuzz: setting("REL_FUZZ", 500),
};

export const COURSE = "demo";
export const QUIZ = "/courses/demo/basics/quiz";
export const SCENARIO = "/courses/demo/scenarios/late-parcel";
export const DRILL = "/courses/demo/drills/drill-greeting";

/** The test fixtures with the module quiz's attempt limit and cool-down removed. */
export async function unlimitedContent(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "sa-rel-content-" });
  await copy(new URL("../fixtures/content/", import.meta.url).pathname, dir);
  const path = `${dir}/courses/demo/01-basics/module.yaml`;
  const text = await Deno.readTextFile(path);
  await Deno.writeTextFile(
    path,
    text.replace(/ *maxAttempts: \d+\n/, "").replace(
      / *cooldownMinutes: \d+\n/,
      "",
    ),
  );
  return dir;
}

/** A learner with a live session, made in the store (100 sign-ins would only time PBKDF2). */
export interface Seeded {
  id: string;
  cookie: string;
  csrf: string;
}

/** Creates `n` learners with a session each in the store at `kvPath`. */
export async function seedLearners(
  kvPath: string,
  n: number,
  prefix = "rel",
): Promise<Seeded[]> {
  const kv = await openStore(kvPath);
  try {
    const hash = await hashPassword("unused-password-123", 1000);
    const now = new Date();
    const out: Seeded[] = [];
    for (let i = 0; i < n; i++) {
      const user = await createUser(kv, {
        name: `学员${prefix}${i}`,
        role: "learner",
        email: `${prefix}${i}@reliability.test`,
        passwordHash: hash,
      }, now);
      const { id, session } = await createSession(kv, user.id, now);
      out.push({
        id: user.id,
        cookie: `${SESSION_COOKIE}=${id}`,
        csrf: session.csrfToken,
      });
    }
    return out;
  } finally {
    kv.close();
  }
}

/**
 * Server instances on one KV file, used round robin. `restart(i)` kills
 * instance i with SIGKILL and starts a new one on the same file; requests
 * that meet the dead instance wait for it.
 */
export class Cluster {
  servers: TestServer[] = [];
  private next = 0;
  private restarting = new Map<number, Promise<void>>();
  kills = 0;

  constructor(readonly kvPath: string, readonly env: Record<string, string>) {}

  /** Starts `count` instances. */
  async start(count: number): Promise<void> {
    // One at a time: the first start imports the content.
    for (let i = 0; i < count; i++) {
      this.servers.push(
        await startServer({ kvPath: this.kvPath, env: this.env }),
      );
    }
  }

  /** The next instance, round robin: its index and origin. */
  pick(): { index: number; origin: string } {
    const index = this.next++ % this.servers.length;
    return { index, origin: this.servers[index].origin };
  }

  /** Resolves when instance `index` is up (at once unless it is restarting). */
  async ready(index: number): Promise<void> {
    await this.restarting.get(index);
  }

  /** SIGKILL instance `index` and start a new one on the same store. */
  restart(index: number): Promise<void> {
    const p = (async () => {
      await this.servers[index].kill();
      this.kills++;
      this.servers[index] = await startServer({
        kvPath: this.kvPath,
        env: this.env,
      });
    })();
    this.restarting.set(index, p);
    return p.finally(() => this.restarting.delete(index));
  }

  /** Output of every instance, for failure messages. */
  output(): string {
    return this.servers.map((s) => s.output()).join("\n---\n");
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.stop()));
  }
}

/** A learner cluster as a test gets it. */
export interface LearnerCluster {
  /** A new temp folder, removed afterwards (backups and restores go here). */
  dir: string;
  kvPath: string;
  cluster: Cluster;
  learners: Seeded[];
  clients: LearnerClient[];
  tally: Tally;
}

/**
 * The setup every load test shares: `instances` production servers on one
 * new KV file with the unlimited content, `learners` seeded learners (ids
 * labelled `name`) and a client each counting into one Tally. `run` gets
 * them; afterwards the servers stop and the files go, whatever `run` did.
 */
export async function withLearnerCluster(
  name: string,
  options: { instances: number; learners: number; kvFile?: string },
  run: (c: LearnerCluster) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: `sa-rel-${name}-` });
  const kvPath = `${dir}/${options.kvFile ?? "academy.kv"}`;
  const content = await unlimitedContent();
  const cluster = new Cluster(kvPath, {
    SA_CONTENT_DIR: content,
    SA_PRODUCTION: "1",
  });
  try {
    await cluster.start(options.instances);
    const learners = await seedLearners(kvPath, options.learners, name);
    const tally = new Tally();
    const clients = learners.map((l) => new LearnerClient(l, cluster, tally));
    await run({ dir, kvPath, cluster, learners, clients, tally });
  } finally {
    await cluster.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    await Deno.remove(content, { recursive: true }).catch(() => {});
  }
}

/** What the clients saw, summed over all learners. */
export class Tally {
  requests = 0;
  /** Requests sent again after a connection error (the instance died). */
  retries = 0;
  /** Responses with a 5xx status. */
  serverErrors = 0;
  /** Statuses other than the expected ones (with path and status). */
  unexpected: string[] = [];
  /** Acknowledged writes: quiz submissions, scenario turns, drill answers. */
  acked = { quiz: 0, turns: 0, drill: 0 };
  /** First few 5xx bodies, for the failure message. */
  errorSamples: string[] = [];
}

/** What one learner was told was stored. */
export interface Ledger {
  /** attemptId -> idempotency key of its acknowledged submission. */
  quiz: Map<string, string>;
  /** Scenario runId -> acknowledged turns. */
  scenario: Map<string, number>;
  /** Drill runId -> acknowledged answers. */
  drill: Map<string, number>;
}

/** A learner playing over HTTP against a cluster. */
export class LearnerClient {
  ledger: Ledger = { quiz: new Map(), scenario: new Map(), drill: new Map() };

  constructor(
    readonly learner: Seeded,
    readonly cluster: Cluster,
    readonly tally: Tally,
  ) {}

  /**
   * Sends a request to the next instance; after a connection error (a
   * killed instance) sends the same request again, as a browser's retry
   * would, until an answer comes.
   */
  async send(
    path: string,
    init: { method?: string; form?: Record<string, string>; json?: unknown },
  ): Promise<{ status: number; location: string | null; text: string }> {
    for (let tries = 0; tries < 200; tries++) {
      const { index, origin } = this.cluster.pick();
      await this.cluster.ready(index);
      const headers: Record<string, string> = {
        cookie: this.learner.cookie,
        origin,
      };
      let body: string | undefined;
      if (init.form) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams({ _csrf: this.learner.csrf, ...init.form })
          .toString();
      } else if (init.json !== undefined) {
        headers["content-type"] = "application/json";
        headers["accept"] = "application/json";
        headers["x-csrf-token"] = this.learner.csrf;
        body = JSON.stringify(init.json);
      }
      this.tally.requests++;
      try {
        const res = await fetch(origin + path, {
          method: init.method ?? (body === undefined ? "GET" : "POST"),
          headers,
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        if (res.status >= 500) {
          this.tally.serverErrors++;
          if (this.tally.errorSamples.length < 5) {
            this.tally.errorSamples.push(
              `${res.status} ${path}: ${text.slice(0, 300)}`,
            );
          }
          // A client would try again; so does this one, with the same key.
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        return {
          status: res.status,
          location: res.headers.get("location"),
          text,
        };
      } catch {
        this.tally.retries++;
        await new Promise((r) => setTimeout(r, 30));
      }
    }
    throw new Error(`No answer for ${path} after 200 tries`);
  }

  private expect(
    what: string,
    res: { status: number },
    status: number,
  ): boolean {
    if (res.status === status) return true;
    this.tally.unexpected.push(`${what}: ${res.status}`);
    return false;
  }

  /** Starts (or resumes) a quiz attempt, reads its key from the page, submits. */
  async quiz(): Promise<void> {
    const start = await this.send(QUIZ, { form: {} });
    if (!this.expect("quiz start", start, 303)) return;
    const url = new URL(start.location!, "http://x").pathname;
    const page = await this.send(url, {});
    if (!this.expect("attempt page", page, 200)) return;
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.text)?.[1];
    if (!key) {
      this.tally.unexpected.push("attempt page without idempotencyKey");
      return;
    }
    const submit = await this.send(url, { form: { idempotencyKey: key } });
    if (!this.expect("quiz submit", submit, 303)) return;
    this.ledger.quiz.set(url.split("/").at(-1)!, key);
    this.tally.acked.quiz++;
  }

  /** Plays the fixture scenario to its end: one choice, one written reply. */
  async scenario(): Promise<void> {
    const start = await this.send(SCENARIO, { form: {} });
    if (!this.expect("scenario start", start, 303)) return;
    const url = new URL(start.location!, "http://x").pathname;
    const runId = url.split("/").at(-1)!;
    this.ledger.scenario.set(runId, 0);
    const turns = [
      { nodeId: "open", choiceId: "empathise" },
      {
        nodeId: "check",
        text:
          "王女士,非常抱歉让您久等了!包裹在转运中心,今天下午 6 点前给您回复。",
      },
    ];
    for (const turn of turns) {
      // One key per step, kept across retries of that step.
      const res = await this.send(`${url}/turns`, {
        json: { ...turn, idempotencyKey: crypto.randomUUID() },
      });
      if (!this.expect("scenario turn", res, 200)) return;
      this.ledger.scenario.set(runId, this.ledger.scenario.get(runId)! + 1);
      this.tally.acked.turns++;
    }
  }

  /** Answers the fixture drill's one item. */
  async drill(): Promise<void> {
    const start = await this.send(DRILL, { form: {} });
    if (!this.expect("drill start", start, 303)) return;
    const url = new URL(start.location!, "http://x").pathname;
    const runId = url.split("/").at(-1)!;
    this.ledger.drill.set(runId, 0);
    const res = await this.send(`${url}/answers`, {
      json: {
        itemId: "d1",
        text: "您好,在的!这款目前有货,请问您想要哪个颜色呢?",
        idempotencyKey: crypto.randomUUID(),
      },
    });
    if (!this.expect("drill answer", res, 200)) return;
    this.ledger.drill.set(runId, 1);
    this.tally.acked.drill++;
  }

  /** One round: a quiz, a scenario and a drill. */
  async round(): Promise<void> {
    await this.quiz();
    await this.scenario();
    await this.drill();
  }
}

/** What the store holds against what the clients were told. */
export interface Audit {
  learners: number;
  /** Acknowledged writes not found in the store. */
  lost: number;
  /** Records stored more than once (or more than were acknowledged). */
  duplicated: number;
  /** Records whose statement or progress rollup is missing or extra. */
  halfWritten: number;
  details: string[];
}

/**
 * Checks every learner's acknowledged quiz submissions, scenario turns and
 * drill answers against the store at `kvPath` (servers stopped): each present
 * exactly once, and the evidence statements and progress counts matching the
 * finished records one for one.
 */
export async function audit(
  kvPath: string,
  clients: LearnerClient[],
): Promise<Audit> {
  const kv = await openStore(kvPath);
  const result: Audit = {
    learners: clients.length,
    lost: 0,
    duplicated: 0,
    halfWritten: 0,
    details: [],
  };
  const note = (kind: keyof Audit, text: string) => {
    (result[kind] as number)++;
    if (result.details.length < 20) result.details.push(`${kind}: ${text}`);
  };
  try {
    const now = new Date();
    for (const c of clients) {
      const id = c.learner.id;
      const attempts = (await listAttempts(kv, id, COURSE, "basics", 10_000))
        .filter((a) => a.status === "submitted");
      for (const [attemptId, key] of c.ledger.quiz) {
        const stored = attempts.filter((a) => a.id === attemptId);
        if (stored.length === 0 || stored[0].idempotencyKey !== key) {
          note("lost", `quiz attempt ${attemptId} of ${id}`);
        }
      }
      const keys = new Set(attempts.map((a) => a.idempotencyKey));
      if (keys.size !== attempts.length) {
        note("duplicated", `quiz key stored twice for ${id}`);
      }
      if (attempts.length > c.ledger.quiz.size) {
        note(
          "duplicated",
          `${attempts.length} quiz submissions stored for ${id}, ${c.ledger.quiz.size} acknowledged`,
        );
      }

      for (const [runId, turns] of c.ledger.scenario) {
        const run = await getRun(kv, id, runId).catch(() => null);
        const stored = run?.state.turns.length ?? 0;
        if (stored < turns) {
          note("lost", `scenario run ${runId}: ${stored}/${turns} turns`);
        }
        if (stored > turns) {
          note("duplicated", `scenario run ${runId}: ${stored}/${turns} turns`);
        }
      }
      for (const [runId, answers] of c.ledger.drill) {
        const run = await getDrillRun(kv, id, runId).catch(() => null);
        const stored = run?.answers.length ?? 0;
        if (stored < answers) {
          note("lost", `drill run ${runId}: ${stored}/${answers}`);
        }
        if (stored > answers) {
          note("duplicated", `drill run ${runId}: ${stored}/${answers}`);
        }
      }

      for (const line of await halfWritten(kv, id, now)) {
        note("halfWritten", line);
      }
    }
  } finally {
    kv.close();
  }
  return result;
}

/**
 * A learner's records that are not whole: for quizzes, scenarios and drills,
 * the finished records, their evidence statements and the progress rollup's
 * count must agree one for one (they are written in one commit).
 */
export async function halfWritten(
  kv: Deno.Kv,
  id: string,
  now: Date,
): Promise<string[]> {
  const submitted =
    (await listAttempts(kv, id, COURSE, "basics", 10_000)).filter((a) =>
      a.status === "submitted"
    ).length;
  const finished = async (prefix: string, thing: string) => {
    let n = 0;
    for await (
      const e of kv.list<string>({ prefix: [prefix, id, COURSE, thing] })
    ) {
      const run = await (prefix === "scenario_runs_by_learner"
        ? getRun(kv, id, e.value)
        : getDrillRun(kv, id, e.value));
      if (run.finishedAt) {
        n++;
      }
    }
    return n;
  };
  const statements = await listLearnerStatements(kv, id, 100_000);
  const count = (suffix: string) =>
    statements.filter((s) => s.object.id.endsWith(suffix)).length;
  const progress = await getProgress(kv, id, COURSE, now);
  const checks: [string, number, number, number][] = [
    ["quiz", submitted, count("/quiz"), progress.quizzes.basics?.count ?? 0],
    [
      "scenario",
      await finished("scenario_runs_by_learner", "late-parcel"),
      count("scenarios/late-parcel"),
      progress.scenarios["late-parcel"]?.count ?? 0,
    ],
    [
      "drill",
      await finished("drill_runs_by_learner", "drill-greeting"),
      count("drills/drill-greeting"),
      progress.drills["drill-greeting"]?.count ?? 0,
    ],
  ];
  return checks.filter(([, records, stmts, rollup]) =>
    records !== stmts || records !== rollup
  ).map(([what, records, stmts, rollup]) =>
    `${what} of ${id}: ${records} records, ${stmts} statements, rollup ${rollup}`
  );
}

/** One line for the suite's output. */
export function report(
  name: string,
  tally: Tally,
  a: Audit,
  extra = "",
): string {
  return `[reliability] ${name}: ${a.learners} learners, ${tally.requests} requests` +
    ` (${tally.retries} resent after a lost connection), ${tally.serverErrors} answered 5xx;` +
    ` acknowledged ${tally.acked.quiz} quiz submissions, ${tally.acked.turns} scenario turns,` +
    ` ${tally.acked.drill} drill answers${extra}; lost ${a.lost}, duplicated ${a.duplicated},` +
    ` half-written ${a.halfWritten}`;
}

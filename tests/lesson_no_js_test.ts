import assert from "node:assert/strict";
import { createHandler } from "$fresh/server.ts";
import { importCourse } from "@/lib/content/content_store.ts";
import type { PublishedCourse } from "@/lib/content/published.ts";
import { createSession } from "@/lib/identity/sessions/session_store.ts";
import { createUser } from "@/lib/identity/accounts/user_store.ts";
import { SESSION_COOKIE } from "@/lib/http/session_cookie.ts";

// The app's store is opened from SA_KV_PATH on first use, so point it at a
// fresh file before anything opens it.
const dir = await Deno.makeTempDir({ prefix: "sa-nojs-" });
Deno.env.set("SA_KV_PATH", `${dir}/academy.kv`);
const { getStore } = await import("@/lib/startup.ts");
const manifest = (await import("@/fresh.gen.ts")).default;

const course: PublishedCourse = {
  course: {
    id: "reading",
    title: "只读课程",
    summary: "没有随堂小测的课程",
    audience: "测试",
    language: "zh-CN",
    modules: ["01-read"],
    skills: [{ id: "service-stages", title: "服务阶段" }],
  },
  modules: [{
    dir: "courses/reading/01-read",
    module: { id: "read", title: "阅读", order: 1, objectives: ["读完"] },
    lessons: [{
      lesson: {
        id: "read-one",
        title: "第一课",
        minutes: 15,
        objectives: ["读懂"],
        skills: ["service-stages"],
      },
      body: "## 标题\n\n正文,没有小测。\n",
      checks: [],
    }],
  }],
  banks: [],
  rubrics: [],
  scenarios: [],
  drills: [],
  surveys: [],
  observations: [],
  exams: [],
  plans: [],
  certifications: [],
};

Deno.test({
  name: "a lesson without inline checks ships no JavaScript",
  sanitizeResources: false,
  async fn() {
    const kv = await getStore();
    await importCourse(
      kv,
      "reading",
      "hash-1",
      course,
      new Date("2026-11-23T00:00:00Z"),
    );
    const reader = await createUser(kv, {
      name: "读者",
      role: "learner",
      email: "reader@test.academy",
      passwordHash:
        "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    }, new Date());
    const { id } = await createSession(kv, reader.id, new Date());
    const handler = await createHandler(manifest);
    const res = await handler(
      new Request("http://localhost/courses/reading/read/read-one", {
        headers: { cookie: `${SESSION_COOKIE}=${id}` },
      }),
    );
    assert.equal(res.status, 200, res.headers.get("location") ?? "");
    const html = await res.text();
    assert.match(html, /正文,没有小测。/);
    assert.match(html, /<h2 id="标题">/);
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, /modulepreload/);
    kv.close();
  },
});

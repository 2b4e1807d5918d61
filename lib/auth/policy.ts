/**
 * Who may open which route: the one place access is declared. Keys are the
 * route patterns the router reports as `ctx.route`; a route without an entry
 * is refused (and fails the policy test), so a new page cannot slip in
 * unprotected. Whose learner a user may see (a manager only their own
 * teams' learners, a mentor only mentees) is decided once, in
 * `record_access.ts` (`canSeeLearner`), which every page naming a learner
 * calls.
 */

import type { Role } from "@/lib/identity/roles.ts";

export { ROLES } from "@/lib/identity/roles.ts";
export type { Role };

/** Who may use a route. */
export type Audience =
  | "public"
  | "anonymous-only"
  | "signed-in"
  | readonly Role[];

/** Practice (scenarios, drills): every role; only a learner's runs are evidence. */
const PRACTICE: Audience = "signed-in";

/** Route pattern -> audience. */
export const ROUTE_POLICY: Readonly<Record<string, Audience>> = {
  "/": "public",
  "/lang": "public",
  "/login": "anonymous-only",
  "/logout": "signed-in",
  // Course content: every signed-in role may read and try it.
  "/courses/:course": "signed-in",
  "/courses/:course/:module": "signed-in",
  "/courses/:course/:module/:lesson": "signed-in",
  "/courses/:course/:module/:lesson/checks/:index": "signed-in",
  // Records of a learner's own progress.
  "/courses/:course/:module/:lesson/complete": ["learner"],
  // The quiz intro: learners take it; those who may preview are sent there.
  "/courses/:course/:module/quiz": ["learner", "trainer", "admin"],
  "/courses/:course/:module/quiz/:attempt": ["learner"],
  "/courses/:course/:module/quiz/:attempt/answers": ["learner"],
  // Practice: learners, and staff trying scenarios and drills (a staff
  // member's run is a preview: scored the same, evidence of nothing).
  "/courses/:course/scenarios": PRACTICE,
  "/courses/:course/scenarios/:scenario": PRACTICE,
  "/courses/:course/scenarios/:scenario/runs/:run": PRACTICE,
  "/courses/:course/scenarios/:scenario/runs/:run/turns": PRACTICE,
  "/courses/:course/scenarios/:scenario/runs/:run/debrief": PRACTICE,
  "/courses/:course/drills": PRACTICE,
  "/courses/:course/drills/:drill": PRACTICE,
  "/courses/:course/drills/:drill/runs/:run": PRACTICE,
  "/courses/:course/drills/:drill/runs/:run/answers": PRACTICE,
  // Previews of assessments, scored as a learner's, counting toward nothing.
  "/preview/:kind/:course/:ref": ["trainer", "admin"],
  "/preview/runs/:id": ["trainer", "admin"],
  // The reply library: every signed-in role searches and copies; trainers
  // see what is searched for and copied (counts only, no names).
  "/replies": "signed-in",
  "/replies/stats": ["trainer", "admin"],
  "/replies/:id": "signed-in",
  "/replies/:id/copy": "signed-in",
  // The case library: trainers store real conversations, masked first.
  "/cases": ["trainer", "admin"],
  "/cases/:id": ["trainer", "admin"],
  // GIFT import/export and item analysis of question banks.
  "/author/gift": ["trainer", "admin"],
  "/author/gift/export": ["trainer", "admin"],
  "/author/items": ["trainer", "admin"],
  // Your own record (PIPL: see and export) and password.
  "/me": "signed-in",
  "/me/export": "signed-in",
  "/me/password": "signed-in",
  // Team progress: managers see only their own teams' learners (enforced by
  // record_access.ts), admins every team.
  "/team": ["manager", "admin"],
  "/team/learners/:learner": ["manager", "admin"],
  // Inviting new hires: managers into their own teams' cohorts (enforced in
  // lib/identity/invitations/invitation_store.ts assertCanInvite), admins anywhere.
  "/invitations": ["manager", "admin"],
  "/invitations/import": ["manager", "admin"],
  "/invitations/links": ["manager", "admin"],
  // Accepting an invitation. "public", not "anonymous-only": a signed-in
  // user opening someone's link (a manager checking it, a colleague on a
  // shared computer) must be told the link creates a new account and offered
  // to sign out, not silently sent home with no idea why. The page itself
  // refuses to accept while signed in.
  "/invite/:token": "public",
  // Administration.
  "/admin/teams": ["admin"],
  "/admin/cohorts/:cohort": ["admin"],
  // Users, personal-data deletion and the audit log: admins only (the stores
  // also refuse an admin acting on their own account).
  "/admin/users": ["admin"],
  "/admin/users/:user": ["admin"],
  "/admin/users/:user/delete": ["admin"],
  "/admin/audit": ["admin"],
  "/admin/audit/export": ["admin"],
  // Certificates: revocation and grant/withhold (audited).
  "/admin/certificates": ["admin"],
  // Exams and surveys of the onboarding plan: the learner's own attempts and
  // responses (the stores key them by the signed-in learner).
  "/courses/:course/exams/:exam": ["learner"],
  "/courses/:course/exams/:exam/:attempt": ["learner"],
  "/courses/:course/exams/:exam/:attempt/answers": [
    "learner",
  ],
  "/courses/:course/surveys/:survey": ["learner"],
  // A mentor's queue: staff only; the domain lists only cohorts the user
  // mentors (lib/onboarding/mentor_queue.ts), admins all.
  "/mentor": ["mentor", "trainer", "manager", "admin"],
  // QA observation on the scorecard: the learner's manager (checked by
  // record_access.ts) or an admin.
  "/team/learners/:learner/observation": ["manager", "admin"],
  // The evaluator (docs/evaluation.md): KPI import by managers (their own
  // teams' agents, enforced in lib/evaluation/kpi_store.ts) and admins; an
  // agent's on-the-job record for their manager, mentor or an admin
  // (record_access.ts, as the drill-down); the QA loop's N by trainers.
  "/evaluation/kpi": ["manager", "admin"],
  "/evaluation/learners/:learner": ["mentor", "manager", "admin"],
  // Its tables as CSV, under the same access.
  "/evaluation/learners/:learner/export/:table": ["mentor", "manager", "admin"],
  "/evaluation/settings": ["trainer", "admin"],
  // Public by design: anyone holding a certificate link can verify it, and
  // verifiers need the issuer's keys and the status list. Nothing private.
  "/issuer": "public",
  "/status/:list": "public",
  "/verify/:id": "public",
  "/verify/:id/credential.json": "public",
  "/verify/:id/badge.svg": "public",
  "/verify/:id/print": "public",
  "/certifications/:level": "public",
  "/certifications/:level/badge.svg": "public",
  // Course authoring: trainers and admins edit drafts, publish and roll back
  // (every publish audited in lib/authoring/workspace.ts).
  "/author": ["trainer", "admin"],
  "/author/:course": ["trainer", "admin"],
  "/author/:course/edit": ["trainer", "admin"],
  "/author/:course/check": ["trainer", "admin"],
  "/author/:course/save": ["trainer", "admin"],
  "/author/:course/copies": ["trainer", "admin"],
  "/author/:course/delete": ["trainer", "admin"],
  "/author/:course/publish": ["trainer", "admin"],
  "/author/:course/versions": ["trainer", "admin"],
  "/author/:course/rollback": ["trainer", "admin"],
  "/author/:course/export": ["trainer", "admin"],
  "/author/:course/zip": ["trainer", "admin"],
  "/author/:course/play": ["trainer", "admin"],
  // Dashboards (issue 17): a manager sees only the teams they lead, an admin
  // every team (record_access.ts decides; another team's cohort or learner
  // is "not found"). Exports follow the same filters and scope.
  "/dashboard": ["manager", "admin"],
  "/dashboard/export/:table": ["manager", "admin"],
  "/dashboard/xapi": ["manager", "admin"],
  // A learner's drill-down: their manager, the mentor of their cohort (a
  // trainer mentoring one too) or an admin; anyone else gets "not found".
  "/dashboard/learners/:learner": ["manager", "mentor", "trainer", "admin"],
  // Its tables as CSV, under the same access.
  "/dashboard/learners/:learner/export/:table": [
    "manager",
    "mentor",
    "trainer",
    "admin",
  ],
  // The trainer's analytics: aggregates only, no learner named (survey
  // figures only from the survey's minimum number of responses).
  "/dashboard/trainer": ["trainer", "admin"],
  "/dashboard/trainer/export/:table": ["trainer", "admin"],
};

/** The outcome of an access check. */
export type Decision = "allow" | "login" | "forbid" | "home";

/** Decides for a route pattern and the signed-in user's role (null when anonymous). */
export function decide(route: string | null, role: Role | null): Decision {
  if (route === null) return "allow"; // static files and not-found pages
  const audience = ROUTE_POLICY[route];
  if (audience === undefined) return "forbid";
  if (audience === "public") return "allow";
  if (audience === "anonymous-only") return role === null ? "allow" : "home";
  if (role === null) return "login";
  if (audience === "signed-in") return "allow";
  return audience.includes(role) ? "allow" : "forbid";
}

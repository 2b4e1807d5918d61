/**
 * The handlers of a module quiz's or exam's intro page. GET shows the rules,
 * the learner's attempts and the start button. POST reads the intro first
 * (for an exam that closes a timed-out attempt, so it cannot be resumed); a
 * limit or cool-down renders the intro again with 409. Otherwise the
 * learner's open attempt is resumed or a new one drawn, and the page goes
 * there; a limit reached meanwhile is the same 409.
 */
import type { Handlers } from "$fresh/server.ts";
import { foundHandlers, type LoadFound } from "@/lib/http/found_page.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  AttemptBlockedError,
  type QuizSpec,
  startOrResume,
} from "@/lib/quiz/attempt_store.ts";

/** What an intro page names: its data, its paper and where an attempt lives. */
export interface PaperStart<F, I> {
  /** The published quiz or exam the route's params name. */
  find: LoadFound<F, SignedInState>;
  /** The intro page's data (with why no attempt may start, if so). */
  intro: (kv: Deno.Kv, found: F, learnerId: string, now: Date) => Promise<I>;
  /** The quiz or exam an attempt is drawn from. */
  spec: (found: F) => Omit<QuizSpec, "learnerId">;
  /** The attempt page's path. */
  attemptUrl: (found: F, attemptId: string) => string;
}

/** GET shows the intro; POST starts or resumes the learner's attempt. */
export function paperIntroHandlers<F, I extends { blocked: unknown }>(
  { find, intro, spec, attemptUrl }: PaperStart<F, I>,
): Handlers<I, SignedInState> {
  return foundHandlers<F, I, SignedInState>(find, {
    GET: async (found, _req, ctx) =>
      ctx.render(
        await intro(ctx.state.kv, found, ctx.state.user.id, new Date()),
      ),
    POST: async (found, _req, ctx) => {
      const now = new Date();
      const learnerId = ctx.state.user.id;
      const page = await intro(ctx.state.kv, found, learnerId, now);
      if (page.blocked) return ctx.render(page, { status: 409 });
      try {
        const { attempt } = await startOrResume(ctx.state.kv, {
          learnerId,
          ...spec(found),
        }, now);
        return seeOther(attemptUrl(found, attempt.id));
      } catch (e) {
        if (!(e instanceof AttemptBlockedError)) throw e;
        return ctx.render(await intro(ctx.state.kv, found, learnerId, now), {
          status: 409,
        });
      }
    },
  });
}

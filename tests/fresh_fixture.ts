/**
 * The fixture app of the Fresh conformance tests (tests/fixtures/fresh_app),
 * answered in-process by `createHandler`.
 */
import { createHandler } from "$fresh/server.ts";
import manifest from "./fixtures/fresh_app/fresh.gen.ts";

const handler = await createHandler(manifest, { dev: true });

/** GETs (or sends `init`) a path of the fixture app. */
export async function fixtureGet(
  path: string,
  init?: RequestInit,
): Promise<{ res: Response; body: string }> {
  const res = await handler(new Request("http://localhost" + path, init));
  return { res, body: await res.text() };
}

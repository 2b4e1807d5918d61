import { type FreshContext, HttpError } from "$fresh/server.ts";

export const handler = [
  (_req: Request, ctx: FreshContext<{ trail: string[] }>) => {
    ctx.state.trail.push("users-a");
    return ctx.next();
  },
  // Catches the route's own error class and turns it into a status, as an
  // app maps domain errors in one middleware.
  async (_req: Request, ctx: FreshContext<{ trail: string[] }>) => {
    ctx.state.trail.push("users-b");
    try {
      return await ctx.next();
    } catch (error) {
      if (error instanceof Error && error.name === "TeapotError") {
        throw new HttpError(418, "I'm a teapot");
      }
      throw error;
    }
  },
];

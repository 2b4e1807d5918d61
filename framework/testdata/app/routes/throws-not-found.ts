export const handler = () => {
  throw new Deno.errors.NotFound("nope");
};

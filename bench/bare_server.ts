// The physical limit: a bare Deno.serve answering the same bytes from memory.
const bytes = await Deno.readFile(Deno.args[0]);
const headers = { "content-type": "text/html; charset=utf-8" };
Deno.serve(
  { port: Number(Deno.args[1]), hostname: "127.0.0.1", onListen() {} },
  () => new Response(bytes, { headers }),
);
console.log("Listening on http://127.0.0.1:" + Deno.args[1] + "/");

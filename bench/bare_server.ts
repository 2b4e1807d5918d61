// The physical limit: a bare Deno.serve answering the same bytes from memory.
// Args: file [port] (default: PORT from the environment).
const bytes = await Deno.readFile(Deno.args[0]);
const port = Number(Deno.args[1] ?? Deno.env.get("PORT"));
const headers = { "content-type": "text/html; charset=utf-8" };
Deno.serve(
  { port, hostname: "127.0.0.1", onListen() {} },
  () => new Response(bytes, { headers }),
);
console.log("Listening on http://127.0.0.1:" + port + "/");

import type { Handlers, PageProps } from "$fresh/server.ts";

export const handler: Handlers<{ name: string }> = {
  async GET(_req, ctx) {
    const res = await ctx.render({ name: "get" }, {
      headers: { "x-extra": "1" },
    });
    res.headers.append("set-cookie", "a=1");
    res.headers.append("set-cookie", "b=2");
    return res;
  },
  async POST(req, ctx) {
    const form = await req.formData();
    return ctx.render({ name: String(form.get("name")) }, { status: 422 });
  },
};

export default function Form({ data }: PageProps<{ name: string }>) {
  return <p class="form">name={data.name}</p>;
}

import { Head } from "$fresh/runtime.ts";
import { type PageProps, RenderCache } from "$fresh/server.ts";

const renders = new Map<string, number>();

function Counted({ id }: { id: string }) {
  const n = (renders.get(id) ?? 0) + 1;
  renders.set(id, n);
  return (
    <>
      <Head>
        <title>{`缓存 ${id}`}</title>
      </Head>
      <p class="counted">片段 {id} 渲染 {n} 次</p>
    </>
  );
}

export default function CachedMany({ url }: PageProps) {
  const id = url.searchParams.get("id") ?? "none";
  return (
    <main>
      <p class="live">请求 {id}</p>
      <RenderCache id={`many-${id}`}>
        <Counted id={id} />
      </RenderCache>
    </main>
  );
}

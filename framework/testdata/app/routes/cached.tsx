import { type PageProps, RenderCache } from "$fresh/server.ts";
import { Lazy } from "../islands/Lazy.tsx";
import Outer from "../islands/Outer.tsx";

let renders = 0;

function Expensive() {
  renders++;
  return <p class="expensive">rendered {renders}</p>;
}

export default function Cached({ url }: PageProps) {
  return (
    <div>
      <p class="live">{url.searchParams.get("who")}</p>
      <RenderCache id="fixture-cached-v1">
        <Expensive />
        <Lazy label="cached island" />
      </RenderCache>
      <Outer />
    </div>
  );
}

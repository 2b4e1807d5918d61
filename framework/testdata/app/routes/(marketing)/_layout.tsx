import type { PageProps } from "$fresh/server.ts";

export default function MarketingLayout({ Component }: PageProps) {
  return (
    <div class="marketing">
      <Component />
    </div>
  );
}

import type { PageProps } from "$fresh/server.ts";

export default function NotFound({ url, data }: PageProps) {
  return (
    <p class="not-found">
      missing {url.pathname} {data ? JSON.stringify(data) : ""}
    </p>
  );
}

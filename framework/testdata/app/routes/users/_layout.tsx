import type { PageProps } from "$fresh/server.ts";

export default function UsersLayout({ Component }: PageProps) {
  return (
    <section class="users-layout">
      <Component />
    </section>
  );
}

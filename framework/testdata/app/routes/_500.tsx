import { HttpError, type PageProps } from "$fresh/server.ts";

export default function Failure({ error }: PageProps) {
  return (
    <p class="error">
      status {error instanceof HttpError ? error.status : 500}
    </p>
  );
}

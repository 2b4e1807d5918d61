/** A 303 redirect to a local path (after a POST, so a reload does not resubmit). */
export function seeOther(location: string): Response {
  if (!location.startsWith("/") || location.startsWith("//")) {
    throw new Error(
      `Cannot redirect to "${location}": only local paths are allowed`,
    );
  }
  return new Response(null, { status: 303, headers: { location } });
}

/** A JSON error body with messages per field, as every API answers bad input. */
export function fieldErrors(
  status: number,
  errors: Record<string, string>,
): Response {
  return Response.json({ errors }, { status });
}

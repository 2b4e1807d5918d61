/**
 * Domain errors the HTTP layer maps to a status. Not-found errors extend
 * Deno.errors.NotFound, which the framework answers with the 404 page, so a
 * record that is missing or belongs to someone else looks the same.
 */

/** A record is missing, or is not the caller's to see. */
export class NotFoundError extends Deno.errors.NotFound {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

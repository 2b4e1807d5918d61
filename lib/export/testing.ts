/**
 * The xAPI 1.0.3 vocabulary the export's tests check against (unit tests
 * here and the HTTP test of the export route). Test-only: no module of the
 * app imports it.
 *
 * @module
 */

/** Every `interactionType` the xAPI 1.0.3 specification allows. */
export const XAPI_INTERACTION_TYPES: ReadonlySet<string> = new Set([
  "true-false",
  "choice",
  "fill-in",
  "long-fill-in",
  "matching",
  "performance",
  "sequencing",
  "likert",
  "numeric",
  "other",
]);

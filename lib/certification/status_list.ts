/**
 * The Bitstring Status List (W3C) behind every certificate's
 * `credentialStatus`: one bit per issued certificate, set when it is
 * revoked. Built with @digitalbazaar/vc-bitstring-status-list; pure apart
 * from the compression the library does.
 */
import * as bsl from "@digitalbazaar/vc-bitstring-status-list";
import { issuerUrl } from "./controller_document.ts";
import { isoSeconds, statusListUrl } from "./open_badge.ts";
import type { JsonLdDocument } from "./proof.ts";

/** Bits per list: the spec's minimum of 16 KB, so one bit says nothing about a holder. */
export const STATUS_LIST_LENGTH = 131_072;

/** The list every certificate is written into (one list holds 131,072). */
export const CURRENT_STATUS_LIST = "1";

/** The unsigned status list credential with the revoked indices set. */
export async function statusListCredential(input: {
  origin: string;
  listId: string;
  revoked: Iterable<number>;
  validFrom: Date;
}): Promise<JsonLdDocument> {
  const list = await bsl.createList({ length: STATUS_LIST_LENGTH });
  for (const index of input.revoked) list.setStatus(index, true);
  const id = statusListUrl(input.origin, input.listId);
  const credential = await bsl.createCredential({
    id,
    list,
    statusPurpose: "revocation",
  }) as JsonLdDocument;
  return {
    ...credential,
    issuer: issuerUrl(input.origin),
    validFrom: isoSeconds(input.validFrom),
  };
}

/**
 * Reads one certificate's bit from a status list credential: true when the
 * list marks `index` revoked. Throws when the list is not a revocation
 * BitstringStatusList.
 */
export async function isRevokedIn(
  listCredential: JsonLdDocument,
  index: number,
): Promise<boolean> {
  const subject = listCredential.credentialSubject as {
    type?: string;
    statusPurpose?: string;
    encodedList?: string;
  } | undefined;
  if (
    subject?.type !== "BitstringStatusList" ||
    subject.statusPurpose !== "revocation" ||
    typeof subject.encodedList !== "string"
  ) {
    throw new TypeError("Not a revocation BitstringStatusList credential");
  }
  const list = await bsl.decodeList({ encodedList: subject.encodedList });
  return list.getStatus(index) as boolean;
}

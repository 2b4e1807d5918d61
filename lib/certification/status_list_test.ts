import assert from "node:assert/strict";
import { controllerDocument, issuerUrl } from "./controller_document.ts";
import { generateKeyMaterial, keyPairFor } from "./issuer_key.ts";
import { signCredential, verifyWithController } from "./proof.ts";
import { isRevokedIn, statusListCredential } from "./status_list.ts";

const ORIGIN = "https://academy.example";

Deno.test("a status list marks exactly the revoked indices", async () => {
  const list = await statusListCredential({
    origin: ORIGIN,
    listId: "1",
    revoked: [0, 7, 131_071],
    validFrom: new Date("2026-12-01T00:00:00Z"),
  });
  for (const i of [0, 7, 131_071]) {
    assert.equal(await isRevokedIn(list, i), true);
  }
  for (const i of [1, 6, 8, 65_536]) {
    assert.equal(await isRevokedIn(list, i), false);
  }
  assert.deepEqual(list.type, [
    "VerifiableCredential",
    "BitstringStatusListCredential",
  ]);
});

Deno.test("a signed status list verifies with the controller document; a changed bit does not", async () => {
  const material = await generateKeyMaterial();
  const key = await keyPairFor(material, issuerUrl(ORIGIN));
  const doc = controllerDocument(issuerUrl(ORIGIN), [
    material.publicKeyMultibase,
  ]);
  const unsigned = await statusListCredential({
    origin: ORIGIN,
    listId: "1",
    revoked: [3],
    validFrom: new Date("2026-12-01T00:00:00Z"),
  });
  const signed = await signCredential(
    unsigned,
    key,
    new Date("2026-12-01T00:00:00Z"),
  );
  assert.equal((await verifyWithController(signed, doc)).verified, true);
  // Someone "un-revokes" index 3 by swapping in a clean list: the proof breaks.
  const clean = await statusListCredential({
    origin: ORIGIN,
    listId: "1",
    revoked: [],
    validFrom: new Date("2026-12-01T00:00:00Z"),
  });
  const forged = structuredClone(signed);
  (forged.credentialSubject as Record<string, unknown>).encodedList =
    (clean.credentialSubject as Record<string, unknown>).encodedList;
  assert.equal(await isRevokedIn(forged, 3), false);
  assert.equal((await verifyWithController(forged, doc)).verified, false);
});

Deno.test("a non-revocation list is refused", async () => {
  await assert.rejects(
    () => isRevokedIn({ credentialSubject: { type: "Other" } }, 1),
    TypeError,
  );
});

import assert from "node:assert/strict";
import vector from "./testdata/vc_di_eddsa_b1.json" with { type: "json" };
import { offlineLoader } from "./contexts.ts";
import { controllerDocument, issuerUrl } from "./controller_document.ts";
import { generateKeyMaterial, keyPairFor } from "./issuer_key.ts";
import { openBadgeCredential } from "./open_badge.ts";
import { sha256Hex } from "@/lib/crypto/digest.ts";
import {
  canonicalNQuads,
  type JsonLdDocument,
  signCredential,
  verifyWithController,
} from "./proof.ts";

const EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
const vectorLoader = () =>
  offlineLoader(new Map([[EXAMPLES_V2, vector.examplesV2Context]]));

Deno.test("eddsa-rdfc-2022 vector: canonical document and its hash are the published bytes", async () => {
  const nquads = await canonicalNQuads(vector.unsigned, vectorLoader());
  assert.equal(nquads, vector.canonicalDocument);
  assert.equal(await sha256Hex(nquads), vector.documentHashHex);
});

Deno.test("eddsa-rdfc-2022 vector: canonical proof options and their hash are the published bytes", async () => {
  const nquads = await canonicalNQuads(vector.proofOptions, vectorLoader());
  assert.equal(nquads, vector.canonicalProofOptions);
  assert.equal(await sha256Hex(nquads), vector.proofOptionsHashHex);
});

Deno.test("eddsa-rdfc-2022 vector: the signer reproduces the published proofValue", async () => {
  const controller = "did:key:" + vector.keyMaterial.publicKeyMultibase;
  const key = await keyPairFor(vector.keyMaterial, controller);
  const signed = await signCredential(
    vector.unsigned,
    key,
    new Date(vector.proofOptions.created),
    vectorLoader(),
  );
  const proof = signed.proof as Record<string, string>;
  assert.equal(proof.proofValue, vector.proofValue);
  assert.equal(base58btcHex(proof.proofValue), vector.signatureHex);
  assert.deepEqual(proof, {
    type: "DataIntegrityProof",
    cryptosuite: "eddsa-rdfc-2022",
    created: vector.proofOptions.created,
    verificationMethod: vector.proofOptions.verificationMethod,
    proofPurpose: "assertionMethod",
    proofValue: vector.proofValue,
  });
  const { proof: _, ...rest } = signed;
  assert.deepEqual(rest, vector.unsigned);
});

Deno.test("eddsa-rdfc-2022 vector: the published signature is Ed25519 over proof hash + document hash (WebCrypto)", async () => {
  const publicKey = base58Decode(vector.keyMaterial.publicKeyMultibase.slice(1))
    .slice(2); // multicodec 0xed01
  const key = await crypto.subtle.importKey(
    "raw",
    publicKey,
    "Ed25519",
    false,
    [
      "verify",
    ],
  );
  const verify = (data: Uint8Array<ArrayBuffer>) =>
    crypto.subtle.verify("Ed25519", key, hexBytes(vector.signatureHex), data);
  const data = hexBytes(vector.proofOptionsHashHex + vector.documentHashHex);
  assert.ok(await verify(data));
  const other = data.slice();
  other[0] ^= 1;
  assert.equal(await verify(other), false);
});

const ORIGIN = "https://academy.example";

async function issued() {
  const material = await generateKeyMaterial();
  const key = await keyPairFor(material, issuerUrl(ORIGIN));
  const unsigned = openBadgeCredential({
    origin: ORIGIN,
    certificateId: "c7k2m9q4x8w3z6t1r5v0b2n4",
    holderName: "王小明",
    level: {
      id: "onboarding",
      name: "新人上岗认证",
      description: "完成 30 天新人培训并通过认证考试。",
      criteria:
        "必修项全部完成，模块测验达标，情景演练均分达标且无红线，考试通过。",
    },
    validFrom: new Date("2026-12-01T08:00:00Z"),
    validUntil: new Date("2027-12-01T08:00:00Z"),
    status: { listId: "1", index: 7 },
  });
  const signed = await signCredential(
    unsigned,
    key,
    new Date("2026-12-01T08:00:00Z"),
  );
  const doc = controllerDocument(issuerUrl(ORIGIN), [
    material.publicKeyMultibase,
  ]);
  return { signed, doc, material };
}

Deno.test("an issued OpenBadgeCredential verifies with only the published controller document", async () => {
  const { signed, doc } = await issued();
  const published = JSON.parse(JSON.stringify(doc));
  const result = await verifyWithController(signed, published);
  assert.deepEqual(result, { verified: true, errors: [] });
  assert.deepEqual(signed.type, [
    "VerifiableCredential",
    "OpenBadgeCredential",
  ]);
  assert.equal(
    (signed.proof as Record<string, string>).cryptosuite,
    "eddsa-rdfc-2022",
  );
});

Deno.test("changing one byte of any value in an issued credential fails verification", async () => {
  const { signed, doc } = await issued();
  const paths = stringLeaves(signed).filter(([p]) =>
    // The proof's own type/cryptosuite/purpose change the algorithm, not the data; still must fail.
    p.length > 0
  );
  assert.ok(paths.length > 20, `only ${paths.length} values`);
  for (const [path, value] of paths) {
    const copy = structuredClone(signed);
    setAt(copy, path, flipOneByte(value));
    const result = await verifyWithController(copy, doc);
    assert.equal(
      result.verified,
      false,
      `changed ${path.join(".")} still verifies`,
    );
  }
  // And the original still does, so the failures above are the change's.
  assert.equal((await verifyWithController(signed, doc)).verified, true);
});

Deno.test("a credential does not verify against another issuer key's controller document", async () => {
  const { signed } = await issued();
  const stranger = await generateKeyMaterial();
  const doc = controllerDocument(issuerUrl(ORIGIN), [
    stranger.publicKeyMultibase,
  ]);
  assert.equal((await verifyWithController(signed, doc)).verified, false);
});

Deno.test("after a key rotation an old credential verifies when the document lists both keys", async () => {
  const { signed, material } = await issued();
  const next = await generateKeyMaterial();
  const doc = controllerDocument(issuerUrl(ORIGIN), [
    material.publicKeyMultibase,
    next.publicKeyMultibase,
  ]);
  assert.equal((await verifyWithController(signed, doc)).verified, true);
});

// --- helpers ---

function stringLeaves(
  node: unknown,
  path: (string | number)[] = [],
): [(string | number)[], string][] {
  if (typeof node === "string") return [[path, node]];
  if (Array.isArray(node)) {
    return node.flatMap((v, i) => stringLeaves(v, [...path, i]));
  }
  if (node && typeof node === "object") {
    return Object.entries(node).flatMap(([k, v]) =>
      stringLeaves(v, [...path, k])
    );
  }
  return [];
}

function setAt(doc: JsonLdDocument, path: (string | number)[], value: string) {
  let node: Record<string | number, unknown> = doc;
  for (const step of path.slice(0, -1)) {
    node = node[step] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
}

/** Changes one UTF-8 byte of the value's last ASCII character (stays ASCII). */
function flipOneByte(value: string): string {
  const bytes = new TextEncoder().encode(value);
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i] < 0x80 && /[0-9A-Za-z]/.test(String.fromCharCode(bytes[i]))) {
      const c = String.fromCharCode(bytes[i]);
      bytes[i] = (c === "z"
        ? "y"
        : c === "9"
        ? "8"
        : c === "Z"
        ? "Y"
        : String.fromCharCode(bytes[i] + 1)).charCodeAt(0);
      return new TextDecoder().decode(bytes);
    }
  }
  // No ASCII letter or digit (a Chinese text): change its last byte's low bit.
  bytes[bytes.length - 1] ^= 1;
  return new TextDecoder().decode(bytes);
}

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58Decode(text: string): Uint8Array {
  let n = 0n;
  for (const ch of text) n = n * 58n + BigInt(ALPHABET.indexOf(ch));
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n % 256n));
    n /= 256n;
  }
  for (const ch of text) {
    if (ch !== "1") break;
    bytes.unshift(0);
  }
  return new Uint8Array(bytes);
}

function base58btcHex(multibase: string): string {
  assert.equal(multibase[0], "z");
  return Array.from(
    base58Decode(multibase.slice(1)),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

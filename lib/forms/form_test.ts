import assert from "node:assert/strict";
import { z } from "zod";
import { formValues, parseForm } from "./form.ts";

const Schema = z.object({
  id: z.string().min(1, "teams.id_required"),
  name: z.string().min(1, "teams.name_required"),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

Deno.test("parseForm() reports every field's first problem at once, as message keys", () => {
  const r = parseForm(
    Schema,
    { id: "", name: "", date: "x" },
    "teams.id_invalid",
    {
      fallbacks: { date: "teams.date_invalid" },
    },
  );
  assert.deepEqual(r, {
    ok: false,
    errors: {
      id: "teams.id_required",
      name: "teams.name_required",
      date: "teams.date_invalid",
    },
  });
});

Deno.test("parseForm() falls back when zod's own wording is the message", () => {
  const r = parseForm(
    Schema,
    { id: 3, name: "n", date: "2026-01-01" },
    "teams.id_invalid",
  );
  assert.deepEqual(r, { ok: false, errors: { id: "teams.id_invalid" } });
});

Deno.test("parseForm() passes good values through", () => {
  const r = parseForm(
    Schema,
    { id: "a", name: "n", date: "2026-01-01" },
    "teams.id_invalid",
  );
  assert.deepEqual(r, {
    ok: true,
    data: { id: "a", name: "n", date: "2026-01-01" },
  });
});

Deno.test("formValues() reads text, refuses files as a wrong type, gathers arrays", () => {
  const form = new FormData();
  form.set("name", "售前一组");
  form.set("id", new File(["x"], "x.txt"));
  form.append("managerIds", "a");
  form.append("managerIds", "b");
  assert.deepEqual(
    formValues(form, ["name", "id", "missing"], ["managerIds"]),
    {
      name: "售前一组",
      id: 0,
      missing: undefined,
      managerIds: ["a", "b"],
    },
  );
});

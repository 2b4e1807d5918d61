/**
 * CSV import of new hires into a cohort. Columns (header names in English or
 * Chinese, any order): name/姓名, email/邮箱 and/or phone/手机号, team/团队,
 * start date/入职日期. Team and start date must be the cohort's: they are a
 * check that the file is meant for this cohort. Every bad row is reported
 * with its 1-based line number in the file (the header is line 1; line 0
 * means the whole file), and a file with any error imports nothing. A valid
 * file becomes one invitation per row, all issued as a unit
 * (invitation_store.createInvitations: one commit up to 300 rows, otherwise
 * a batch that only becomes valid with its last commit).
 */
import Papa from "papaparse";
import {
  CONTROL,
  normalizeEmail,
  normalizePhone,
} from "@/lib/identity/contact.ts";
import {
  type Cohort,
  requireCohort,
} from "@/lib/identity/teams/cohort_store.ts";
import { isCalendarDate } from "@/lib/identity/dates.ts";
import {
  assertCanInvite,
  createInvitations,
  type IssuedInvitation,
  pendingLogins,
} from "./invitation_store.ts";
import { requireTeam, type Team } from "@/lib/identity/teams/team_store.ts";
import { takenLogins } from "@/lib/identity/accounts/user_store.ts";

/** Largest accepted file. */
export const MAX_CSV_BYTES = 1024 * 1024;
/** Most data rows accepted in one file. */
export const MAX_CSV_ROWS = 2000;

/** Where in a row (or the file) a problem is. */
export type CsvField =
  | "file"
  | "header"
  | "row"
  | "name"
  | "email or phone"
  | "email"
  | "phone"
  | "team"
  | "start date";

/**
 * What is wrong, as a code: the pages turn it into a message key
 * (invitation_view.csvErrorText), so no sentence is written here.
 */
export type CsvErrorCode =
  | "empty"
  | "unclosed_quote"
  | "bad_quote"
  | "unreadable"
  | "too_many_rows"
  | "too_large"
  | "no_rows"
  | "missing_contact"
  | "missing_column"
  | "field_count"
  | "required"
  | "contact_required"
  | "name_too_long"
  | "name_invalid"
  | "email_invalid"
  | "phone_invalid"
  | "duplicate"
  | "taken"
  | "pending"
  | "team_wrong"
  | "date_invalid"
  | "date_wrong";

/** One problem in the file. */
export interface CsvError {
  /** 1-based line in the file where the row starts; 0 for the whole file. */
  line: number;
  field: CsvField;
  code: CsvErrorCode;
  /** The values the message quotes (a cell, the other line, the expected team). */
  params?: Record<string, string | number>;
}

/** A valid row. */
export interface NewHireRow {
  line: number;
  name: string;
  email?: string;
  phone?: string;
}

/** The outcome of an import. */
export type ImportResult =
  | { ok: true; invitations: (IssuedInvitation & { line: number })[] }
  | { ok: false; errors: CsvError[] };

/** For logs and tests: `line 4: email: email_invalid {"value":"abc"}` */
export function formatCsvError(e: CsvError): string {
  const params = e.params ? ` ${JSON.stringify(e.params)}` : "";
  return `line ${e.line}: ${e.field}: ${e.code}${params}`;
}

type Column = "name" | "email" | "phone" | "team" | "start date";
const ALIASES: Record<Column, string[]> = {
  name: ["name", "full name", "姓名", "名字"],
  email: ["email", "e-mail", "mail", "邮箱", "电子邮箱", "邮件"],
  phone: [
    "phone",
    "mobile",
    "phone number",
    "手机",
    "手机号",
    "手机号码",
    "电话",
  ],
  team: ["team", "团队", "组", "小组"],
  "start date": [
    "start date",
    "start_date",
    "startdate",
    "start",
    "入职日期",
    "开始日期",
    "开营日期",
  ],
};
const ORDER: CsvField[] = [
  "file",
  "header",
  "row",
  "name",
  "email or phone",
  "email",
  "phone",
  "team",
  "start date",
];

/** papaparse's error codes as ours (its messages are English sentences). */
const PAPA_CODES: Partial<Record<string, CsvErrorCode>> = {
  MissingQuotes: "unclosed_quote",
  InvalidQuotes: "bad_quote",
};

const clean = (v: string | undefined) => (v ?? "").normalize("NFKC").trim();

/** Reads file bytes: UTF-8 (with or without BOM), else GB18030 as older Excel saves it. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** A date as Excel may write it (2026/3/1, 2026.03.01) as YYYY-MM-DD, or null. */
function normalizeDate(v: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * Checks a CSV file against a cohort without touching the store: header,
 * every field, duplicates within the file. Pure.
 */
export function parseNewHiresCsv(
  text: string,
  cohort: Pick<Cohort, "name" | "startDate">,
  team: Pick<Team, "id" | "name">,
): { rows: NewHireRow[]; errors: CsvError[] } {
  const errors: CsvError[] = [];
  const rows: NewHireRow[] = [];
  const body = text.replace(/^\uFEFF/, "");
  const records: { line: number; cells: string[] }[] = [];
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", "\t", ";"],
    step(result) {
      const end = result.meta.cursor;
      const chunk = body.slice(cursor, end);
      // Blank lines papaparse skipped sit before the row: count past them.
      const lead = /^(?:[ \t]*\r?\n)*/.exec(chunk)![0];
      const start = line + (lead.match(/\n/g)?.length ?? 0);
      line += chunk.match(/\n/g)?.length ?? 0;
      cursor = end;
      for (const e of result.errors) {
        if (e.code === "UndetectableDelimiter") continue;
        errors.push({
          line: start,
          field: "file",
          code: PAPA_CODES[e.code] ?? "unreadable",
        });
      }
      records.push({ line: start, cells: result.data });
    },
  });
  const header = records.shift();
  if (!header) {
    return {
      rows,
      errors: [{ line: 0, field: "file", code: "empty" }],
    };
  }
  const index = new Map<Column, number>();
  header.cells.forEach((h, i) => {
    const name = clean(h).toLowerCase();
    for (
      const [col, aliases] of Object.entries(ALIASES) as [Column, string[]][]
    ) {
      if (aliases.includes(name) && !index.has(col)) index.set(col, i);
    }
  });
  for (const col of ["name", "team", "start date"] as const) {
    if (!index.has(col)) {
      errors.push({
        line: header.line,
        field: "header",
        code: "missing_column",
        params: { column: col },
      });
    }
  }
  if (!index.has("email") && !index.has("phone")) {
    errors.push({
      line: header.line,
      field: "header",
      code: "missing_contact",
    });
  }
  if (errors.some((e) => e.field === "header")) return { rows, errors };
  if (records.length > MAX_CSV_ROWS) {
    return {
      rows,
      errors: [{
        line: 0,
        field: "file",
        code: "too_many_rows",
        params: { rows: records.length, max: MAX_CSV_ROWS },
      }],
    };
  }

  const seen = new Map<string, number>();
  const get = (cells: string[], col: Column) =>
    index.has(col) ? clean(cells[index.get(col)!]) : "";
  for (const { line, cells } of records) {
    if (cells.every((c) => clean(c) === "")) continue; // rows Excel leaves as ",,,,"
    const rowErrors: CsvError[] = [];
    const fail = (
      field: CsvField,
      code: CsvErrorCode,
      params?: CsvError["params"],
    ) => rowErrors.push({ line, field, code, ...params && { params } });
    if (cells.slice(header.cells.length).some((c) => clean(c) !== "")) {
      // Columns would be read shifted; better to say so than to guess.
      fail("row", "field_count", {
        fields: cells.length,
        header: header.cells.length,
      });
    }
    const name = get(cells, "name");
    if (!name) fail("name", "required");
    else if ([...name].length > 50) fail("name", "name_too_long");
    else if (CONTROL.test(name)) fail("name", "name_invalid");

    const rawEmail = get(cells, "email");
    const rawPhone = get(cells, "phone");
    const email = rawEmail ? normalizeEmail(rawEmail) : undefined;
    const phone = rawPhone ? normalizePhone(rawPhone) : undefined;
    if (!rawEmail && !rawPhone) fail("email or phone", "contact_required");
    if (email === null) fail("email", "email_invalid", { value: rawEmail });
    if (phone === null) fail("phone", "phone_invalid", { value: rawPhone });
    for (
      const [field, value] of [["email", email], ["phone", phone]] as const
    ) {
      if (!value) continue;
      const first = seen.get(value);
      if (first !== undefined) {
        fail(field, "duplicate", { value, other: first });
      } else seen.set(value, line);
    }

    const teamCell = get(cells, "team");
    if (!teamCell) fail("team", "required");
    else if (teamCell !== team.name && teamCell !== team.id) {
      fail("team", "team_wrong", { value: teamCell, team: team.name });
    }
    const dateCell = get(cells, "start date");
    const date = normalizeDate(dateCell);
    if (!dateCell) fail("start date", "required");
    else if (!date) fail("start date", "date_invalid", { value: dateCell });
    else if (date !== cohort.startDate) {
      fail("start date", "date_wrong", {
        value: dateCell,
        date: cohort.startDate,
      });
    }

    if (rowErrors.length) errors.push(...rowErrors);
    else {rows.push({
        line,
        name,
        email: email ?? undefined,
        phone: phone ?? undefined,
      });}
  }
  return { rows, errors: sortErrors(errors) };
}

function sortErrors(errors: CsvError[]): CsvError[] {
  return errors.sort((a, b) =>
    a.line - b.line || ORDER.indexOf(a.field) - ORDER.indexOf(b.field)
  );
}

/**
 * Imports new hires from a CSV file into a cohort as invitations (role
 * learner). The actor must be an admin or a manager of the cohort's team.
 * Logins that already have an account or a live invitation are errors too.
 * With any error nothing is written.
 */
export async function importNewHires(
  kv: Deno.Kv,
  actorId: string,
  cohortId: string,
  file: string | Uint8Array,
  now: Date,
): Promise<ImportResult> {
  const size = typeof file === "string"
    ? new TextEncoder().encode(file).length
    : file.length;
  if (size > MAX_CSV_BYTES) {
    return {
      ok: false,
      errors: [{
        line: 0,
        field: "file",
        code: "too_large",
        params: { bytes: size },
      }],
    };
  }
  const cohort = await requireCohort(kv, cohortId);
  const team = await requireTeam(kv, cohort.teamId);
  await assertCanInvite(kv, actorId, cohort);
  const text = typeof file === "string" ? file : decodeCsv(file);
  const { rows, errors } = parseNewHiresCsv(text, cohort, team);
  const logins = rows.flatMap((r) => [
    ...(r.email ? [{ kind: "email" as const, value: r.email }] : []),
    ...(r.phone ? [{ kind: "phone" as const, value: r.phone }] : []),
  ]);
  const taken = await takenLogins(kv, logins);
  const pending = await pendingLogins(kv, logins.map((l) => l.value), now);
  for (const row of rows) {
    for (const field of ["email", "phone"] as const) {
      const login = row[field];
      if (login && taken.has(login)) {
        errors.push({
          line: row.line,
          field,
          code: "taken",
          params: { value: login },
        });
      } else if (login && pending.has(login)) {
        errors.push({
          line: row.line,
          field,
          code: "pending",
          params: { value: login },
        });
      }
    }
  }
  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  if (rows.length === 0) {
    return {
      ok: false,
      errors: [{ line: 0, field: "file", code: "no_rows" }],
    };
  }
  const issued = await createInvitations(kv, actorId, cohort, rows, now);
  return {
    ok: true,
    invitations: issued.map((inv, i) => ({ ...inv, line: rows[i].line })),
  };
}

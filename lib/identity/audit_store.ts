/**
 * The audit log moved to lib/audit/ (its own concept); this name stays so
 * code written against it keeps working. New code imports lib/audit.
 */
export * from "@/lib/audit/audit_store.ts";

ALTER TABLE "audit_log" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The hash of one audit entry: SHA-256 (hex) of a JSON array of the previous entry's hash and the entry's
-- content (jsonb's text form is canonical; the instant in UTC with microseconds, whatever the session's time zone).
CREATE FUNCTION "gongkai_audit_entry_hash"(prev_hash text, agency_id integer, seq bigint, at timestamptz, actor text, action text, subject text, before jsonb, after jsonb)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(prev_hash, agency_id, seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor, action, subject, before, after)::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Existing entries are chained once, per agency in the order they were written.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_append_only";--> statement-breakpoint
DO $$
DECLARE
  r record;
  previous text;
  n bigint;
  current_agency integer;
BEGIN
  FOR r IN SELECT * FROM "audit_log" ORDER BY "agency_id", "id" LOOP
    IF current_agency IS DISTINCT FROM r.agency_id THEN
      current_agency := r.agency_id;
      previous := repeat('0', 64);
      n := 0;
    END IF;
    n := n + 1;
    UPDATE "audit_log" SET "seq" = n, "prev_hash" = previous,
      "hash" = "gongkai_audit_entry_hash"(previous, r.agency_id, n, r.at, r.actor, r.action, r.subject, r.before, r.after)
    WHERE "agency_id" = r.agency_id AND "id" = r.id
    RETURNING "hash" INTO previous;
  END LOOP;
END $$;--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_append_only";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_key" ON "audit_log" USING btree ("agency_id","seq");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_hash_check" CHECK ("audit_log"."seq" >= 1 and "audit_log"."hash" ~ '^[0-9a-f]{64}$' and "audit_log"."prev_hash" ~ '^[0-9a-f]{64}$');--> statement-breakpoint
-- Each new entry is chained to the agency's last one inside the inserting transaction, under a per-agency
-- advisory lock held until COMMIT: concurrent writers queue, so two entries never share a predecessor
-- (and the unique (agency_id, seq) refuses one that would). An entry that arrives with its chain fields
-- (a restore) keeps them as they were; `gongkai audit verify` checks every link either way.
CREATE FUNCTION "gongkai_audit_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head record;
BEGIN
  IF NEW."hash" <> '' THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(19116, NEW."agency_id");
  SELECT "seq", "hash" INTO head FROM "audit_log" WHERE "agency_id" = NEW."agency_id" ORDER BY "seq" DESC LIMIT 1;
  NEW."seq" := coalesce(head."seq", 0) + 1;
  NEW."prev_hash" := coalesce(head."hash", repeat('0', 64));
  NEW."hash" := "gongkai_audit_entry_hash"(NEW."prev_hash", NEW."agency_id", NEW."seq", NEW."at", NEW."actor", NEW."action", NEW."subject", NEW."before", NEW."after");
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "gongkai_audit_chain"();

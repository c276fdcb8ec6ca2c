-- The intake writes its audit entries in batches (one statement per batch of up to 256 applications),
-- and chaining them one row at a time in the trigger took a lock, looked the agency's head up and ran
-- the trigger function for every entry (~30 us each in the embedded engine, beside the hash itself).
-- This function chains a whole batch in one call, under the same per-agency lock and from the same head
-- as the trigger: entry i of the arrays (grouped by agency; an agency may not come back after another)
-- gets seq = head's seq + 1, prev_hash = head's hash and hash = gongkai_audit_entry_hash(…), and becomes
-- the head for the next. The caller inserts them with these fields, in this order, in the same
-- transaction, so the unique (agency_id, seq) and `gongkai audit verify` check them like any other.
CREATE FUNCTION "gongkai_audit_chain_batch"(agency_ids integer[], at timestamptz, actors text[], actions text[], subjects text[], befores jsonb[], afters jsonb[])
RETURNS TABLE ("ord" integer, "seq" bigint, "prev_hash" text, "hash" text) LANGUAGE plpgsql AS $$
DECLARE
  i integer;
  current_agency integer;
  head_seq bigint;
  head_hash text;
BEGIN
  FOR i IN 1 .. coalesce(array_length(agency_ids, 1), 0) LOOP
    IF current_agency IS DISTINCT FROM agency_ids[i] THEN
      IF agency_ids[i] < current_agency THEN
        RAISE EXCEPTION 'gongkai_audit_chain_batch: entries must be grouped by agency in ascending order';
      END IF;
      current_agency := agency_ids[i];
      PERFORM pg_advisory_xact_lock(19116, current_agency);
      head_seq := NULL;
      head_hash := NULL;
      SELECT a."seq", a."hash" INTO head_seq, head_hash FROM "audit_log" a WHERE a."agency_id" = current_agency ORDER BY a."seq" DESC LIMIT 1;
      head_seq := coalesce(head_seq, 0);
      head_hash := coalesce(head_hash, repeat('0', 64));
    END IF;
    "ord" := i;
    "seq" := head_seq + 1;
    "prev_hash" := head_hash;
    "hash" := "gongkai_audit_entry_hash"(head_hash, current_agency, head_seq + 1, at, actors[i], actions[i], subjects[i], befores[i], afters[i]);
    head_seq := head_seq + 1;
    head_hash := "hash";
    RETURN NEXT;
  END LOOP;
END $$;--> statement-breakpoint
-- The trigger function is not even called for an entry that arrives chained (a batch, a restore): it
-- kept such entries as they were anyway.
DROP TRIGGER "audit_log_chain" ON "audit_log";--> statement-breakpoint
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log" FOR EACH ROW WHEN (NEW."hash" = '') EXECUTE FUNCTION "gongkai_audit_chain"();

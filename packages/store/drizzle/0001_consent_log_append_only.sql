-- The consent log is evidence: entries may be added, or deleted when an address is erased, never changed.
CREATE FUNCTION "consent_log_forbid_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_log is append-only: entry % cannot be changed', OLD.id
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "consent_log_append_only" BEFORE UPDATE ON "consent_log"
  FOR EACH ROW EXECUTE FUNCTION "consent_log_forbid_update"();

ALTER TABLE "campaigns" ADD COLUMN "sent_at" timestamp with time zone;
--> statement-breakpoint
-- Campaigns sent before this column existed: the moment of the audited transition, else their last change.
UPDATE "campaigns" AS c SET "sent_at" = coalesce(
  (SELECT max(a."at") FROM "audit_log" a
    WHERE a."action" = 'campaign.sent' AND a."target" = 'campaign:' || c."region_id" || '/' || c."id"),
  c."updated_at")
WHERE c."status" = 'sent';

ALTER TABLE "records" ADD COLUMN "publication" text;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
-- Press releases stored before this column were public as soon as their embargo ended: published.
UPDATE "records" SET "publication" = 'published', "published_at" = "updated_at"
WHERE "kind" = 'press-release';--> statement-breakpoint
-- A newsletter issue was public once a campaign of it had mailed (its archive page and web
-- version): published then, since the first sending; an issue never mailed was not public: draft.
UPDATE "records" AS r SET
  "publication" = CASE WHEN m."issue_id" IS NULL THEN 'draft' ELSE 'published' END,
  "published_at" = CASE WHEN m."issue_id" IS NULL THEN NULL ELSE coalesce(m."first_sent_at", r."updated_at") END
FROM "records" AS r2
LEFT JOIN (
  SELECT c."region_id", c."content"->>'issueId' AS "issue_id", min(c."sent_at") AS "first_sent_at"
  FROM "campaigns" AS c
  WHERE c."content"->>'kind' = 'newsletter' AND c."status" IN ('sending', 'paused', 'sent')
  GROUP BY c."region_id", c."content"->>'issueId'
) AS m ON m."region_id" = r2."region_id" AND m."issue_id" = r2."id"
WHERE r."kind" = 'newsletter-issue'
  AND r2."kind" = r."kind" AND r2."region_id" = r."region_id" AND r2."id" = r."id";--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_publication_check" CHECK ("records"."publication" in ('draft', 'approved', 'published', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_publication_kind_check" CHECK (("records"."publication" is not null) = ("records"."kind" in ('newsletter-issue', 'press-release')));

CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_id_check" CHECK ("api_tokens"."id" ~ '^[0-9a-f]{16}$')
);
--> statement-breakpoint
CREATE INDEX "api_tokens_region_idx" ON "api_tokens" USING btree ("region_id");

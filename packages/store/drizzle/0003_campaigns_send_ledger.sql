CREATE TABLE "campaigns" (
	"region_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"audience" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled', 'failed', 'missed'))
);
--> statement-breakpoint
CREATE TABLE "send_ledger" (
	"region_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"claim_token" uuid,
	"claimed_by" text,
	"claimed_at" timestamp with time zone NOT NULL,
	"reclaimable_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"message_id" text,
	"smtp_reply" text,
	"error" text,
	CONSTRAINT "send_ledger_region_id_campaign_id_subscriber_id_pk" PRIMARY KEY("region_id","campaign_id","subscriber_id"),
	CONSTRAINT "send_ledger_state_check" CHECK ("send_ledger"."state" in ('claimed', 'sent', 'failed-temporary', 'failed-permanent', 'skipped'))
);
--> statement-breakpoint
ALTER TABLE "send_ledger" ADD CONSTRAINT "send_ledger_campaign_fk" FOREIGN KEY ("region_id","campaign_id") REFERENCES "public"."campaigns"("region_id","id") ON DELETE cascade ON UPDATE no action;
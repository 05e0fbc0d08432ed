CREATE TABLE "consent_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consent_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subscriber_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"email" text NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"list_id" text,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consent_text_version" text,
	"ip" text,
	"user_agent" text,
	"request_id" bigint,
	CONSTRAINT "consent_log_action_check" CHECK ("consent_log"."action" in ('requested', 'confirmed', 'withdrawn', 'preferences-changed')),
	CONSTRAINT "consent_log_source_check" CHECK ("consent_log"."source" in ('form', 'import', 'api'))
);
--> statement-breakpoint
CREATE TABLE "consent_texts" (
	"region_id" text NOT NULL,
	"version" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_texts_region_id_version_pk" PRIMARY KEY("region_id","version")
);
--> statement-breakpoint
CREATE TABLE "mailing_lists" (
	"region_id" text NOT NULL,
	"id" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mailing_lists_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "records" (
	"kind" text NOT NULL,
	"region_id" text NOT NULL,
	"id" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "records_kind_region_id_id_pk" PRIMARY KEY("kind","region_id","id")
);
--> statement-breakpoint
CREATE TABLE "subscriber_lists" (
	"region_id" text NOT NULL,
	"list_id" text NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriber_lists_region_id_list_id_subscriber_id_pk" PRIMARY KEY("region_id","list_id","subscriber_id")
);
--> statement-breakpoint
CREATE TABLE "subscriber_topics" (
	"subscriber_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"topic_id" text NOT NULL,
	CONSTRAINT "subscriber_topics_subscriber_id_topic_id_pk" PRIMARY KEY("subscriber_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"email" text NOT NULL,
	"email_hash" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"salutation" text DEFAULT 'none' NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscribers_region_email_unique" UNIQUE("region_id","email"),
	CONSTRAINT "subscribers_status_check" CHECK ("subscribers"."status" in ('pending', 'active', 'unsubscribed', 'bounced', 'complained'))
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"region_id" text NOT NULL,
	"id" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topics_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "consent_log" ADD CONSTRAINT "consent_log_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_log" ADD CONSTRAINT "consent_log_text_fk" FOREIGN KEY ("region_id","consent_text_version") REFERENCES "public"."consent_texts"("region_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_lists" ADD CONSTRAINT "subscriber_lists_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_lists" ADD CONSTRAINT "subscriber_lists_list_fk" FOREIGN KEY ("region_id","list_id") REFERENCES "public"."mailing_lists"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_topics" ADD CONSTRAINT "subscriber_topics_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_topics" ADD CONSTRAINT "subscriber_topics_topic_fk" FOREIGN KEY ("region_id","topic_id") REFERENCES "public"."topics"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_log_subscriber_idx" ON "consent_log" USING btree ("subscriber_id","id");--> statement-breakpoint
CREATE INDEX "subscriber_lists_subscriber_idx" ON "subscriber_lists" USING btree ("subscriber_id");
ALTER TABLE "consent_log" DROP CONSTRAINT "consent_log_subscriber_id_subscribers_id_fk";
--> statement-breakpoint
ALTER TABLE "consent_log" DROP CONSTRAINT "consent_log_text_fk";
--> statement-breakpoint
ALTER TABLE "send_ledger" DROP CONSTRAINT "send_ledger_campaign_fk";
--> statement-breakpoint
ALTER TABLE "subscriber_lists" DROP CONSTRAINT "subscriber_lists_subscriber_id_subscribers_id_fk";
--> statement-breakpoint
ALTER TABLE "subscriber_lists" DROP CONSTRAINT "subscriber_lists_list_fk";
--> statement-breakpoint
ALTER TABLE "subscriber_topics" DROP CONSTRAINT "subscriber_topics_subscriber_id_subscribers_id_fk";
--> statement-breakpoint
ALTER TABLE "subscriber_topics" DROP CONSTRAINT "subscriber_topics_topic_fk";

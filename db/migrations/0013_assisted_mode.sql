ALTER TABLE "staff_sessions" ADD COLUMN "assisted_draft_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "assisted_since" timestamp with time zone;
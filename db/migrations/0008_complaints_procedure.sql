CREATE TABLE "complaint_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"stage" integer NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"happened_on" timestamp with time zone NOT NULL,
	"previous_due_at" timestamp with time zone,
	"new_due_at" timestamp with time zone,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_stages" (
	"complaint_id" uuid NOT NULL,
	"stage" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"owner_id" uuid,
	"acknowledge_due_at" timestamp with time zone NOT NULL,
	"respond_due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"reply_to_child" text,
	"reply_sent_at" timestamp with time zone,
	CONSTRAINT "complaint_stages_complaint_id_stage_pk" PRIMARY KEY("complaint_id","stage")
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "stage" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaint_notes" ADD CONSTRAINT "complaint_notes_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_notes" ADD CONSTRAINT "complaint_notes_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD CONSTRAINT "complaint_stages_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD CONSTRAINT "complaint_stages_owner_id_staff_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_notes_complaint_idx" ON "complaint_notes" USING btree ("complaint_id","created_at");--> statement-breakpoint
-- Overdue reminders are now kept once per due moment (an extended or stage 2 deadline is reminded
-- about again): give the reminders already sent their due moment, so none is sent twice.
UPDATE "outbox" SET "dedupe_key" = "outbox"."dedupe_key" || ':' || extract(epoch from (CASE WHEN "outbox"."payload"->>'deadline' = 'acknowledge' THEN c."acknowledge_due_at" ELSE c."respond_due_at" END))::bigint::text FROM "complaints" c WHERE "outbox"."kind" = 'complaint_overdue' AND "outbox"."dedupe_key" = 'complaint_overdue:' || c."id"::text || ':' || ("outbox"."payload"->>'deadline');

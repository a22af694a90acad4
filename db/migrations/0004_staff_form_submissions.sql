CREATE TABLE "staff_form_submissions" (
	"key" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"result" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_form_submissions" ADD CONSTRAINT "staff_form_submissions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;
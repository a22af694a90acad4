CREATE TABLE "victim_contacts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"identified_on" timestamp with time zone NOT NULL,
	"contact_preference" text,
	"not_contactable" boolean DEFAULT false NOT NULL,
	"agreed_to_contact" boolean,
	"contacted_on" timestamp with time zone,
	"rj_offered" boolean DEFAULT false NOT NULL,
	"rj_taken_up" boolean DEFAULT false NOT NULL,
	"wants_further_support" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "victim_contacts_identified_idx" ON "victim_contacts" USING btree ("identified_on");--> statement-breakpoint
-- A victim's case carries none of a child's reporting details (age bands, care, special needs …).
UPDATE "cases" SET "age_band" = NULL, "gender" = NULL, "ethnicity" = NULL, "care_status" = NULL, "special_needs" = NULL WHERE "kind" = 'victim';

ALTER TABLE "staff_users" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "you_said_we_did" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;
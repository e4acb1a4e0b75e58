CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" text NOT NULL,
	"draft" jsonb NOT NULL,
	"xml_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "plans_operator_idx" ON "plans" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "plans_expires_idx" ON "plans" USING btree ("expires_at");
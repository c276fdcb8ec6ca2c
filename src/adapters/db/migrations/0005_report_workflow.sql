CREATE TABLE "report_actions" (
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor" text NOT NULL,
	"comment" text,
	"version" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_actions_pkey" PRIMARY KEY("agency_id","year","seq"),
	CONSTRAINT "report_actions_action_check" CHECK ("report_actions"."action" in ('edit', 'submit', 'approve', 'send_back', 'publish', 'reopen', 'comment')),
	CONSTRAINT "report_actions_actor_check" CHECK (length("report_actions"."actor") > 0)
);
--> statement-breakpoint
CREATE TABLE "report_publications" (
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"reading" jsonb NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_publications_pkey" PRIMARY KEY("agency_id","year","version"),
	CONSTRAINT "report_publications_version_check" CHECK ("report_publications"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "report_workflows" (
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"state" text NOT NULL,
	"revision" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_workflows_pkey" PRIMARY KEY("agency_id","year"),
	CONSTRAINT "report_workflows_state_check" CHECK ("report_workflows"."state" in ('draft', 'submitted', 'approved', 'published')),
	CONSTRAINT "report_workflows_year_check" CHECK ("report_workflows"."year" between 2008 and 2100)
);
--> statement-breakpoint
ALTER TABLE "report_actions" ADD CONSTRAINT "report_actions_workflow_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."report_workflows"("agency_id","year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_publications" ADD CONSTRAINT "report_publications_workflow_fk" FOREIGN KEY ("agency_id","year") REFERENCES "public"."report_workflows"("agency_id","year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_workflows" ADD CONSTRAINT "report_workflows_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TRIGGER "report_actions_append_only" BEFORE UPDATE OR DELETE ON "report_actions" FOR EACH ROW EXECUTE FUNCTION "gongkai_append_only"();--> statement-breakpoint
CREATE TRIGGER "report_publications_append_only" BEFORE UPDATE OR DELETE ON "report_publications" FOR EACH ROW EXECUTE FUNCTION "gongkai_append_only"();

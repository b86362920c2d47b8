CREATE TABLE `scenarios` (
	`key` text PRIMARY KEY NOT NULL,
	`scenario_id` text NOT NULL,
	`author_id` text NOT NULL,
	`shared` integer DEFAULT 0 NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `facilitators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scenarios_author_idx` ON `scenarios` (`author_id`);
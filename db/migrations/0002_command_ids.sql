ALTER TABLE `events` ADD `command_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `events_command_idx` ON `events` (`session_id`,`command_id`);
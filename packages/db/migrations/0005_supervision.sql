CREATE TABLE `reallocation_rounds` (
	`round` integer PRIMARY KEY NOT NULL,
	`reallocated_on` text NOT NULL,
	`document_number` text NOT NULL,
	`note` text,
	`recorded_by` integer,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`revoked_at` text,
	`revoked_by` integer,
	`revoke_reason` text,
	`batch_id` integer,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `data_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rounds_date_idx` ON `reallocation_rounds` (`reallocated_on`);--> statement-breakpoint
CREATE TABLE `region_note_versions` (
	`note_id` integer NOT NULL,
	`version` integer NOT NULL,
	`text` text NOT NULL,
	`editor_id` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `region_notes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`editor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `note_versions_idx` ON `region_note_versions` (`note_id`,`version`);--> statement-breakpoint
CREATE TABLE `region_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`period` text NOT NULL,
	`text` text NOT NULL,
	`author_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notes_region_period_idx` ON `region_notes` (`region_code`,`period`);--> statement-breakpoint
CREATE INDEX `notes_period_idx` ON `region_notes` (`period`);--> statement-breakpoint
CREATE TABLE `supervision_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`due_date` text NOT NULL,
	`requirement` text NOT NULL,
	`alert_rule` text,
	`alert` text,
	`state` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`opened_by` integer NOT NULL,
	`opened_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "actions_period" CHECK("supervision_actions"."period" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')
);
--> statement-breakpoint
CREATE INDEX `actions_region_idx` ON `supervision_actions` (`region_code`);--> statement-breakpoint
CREATE INDEX `actions_state_due_idx` ON `supervision_actions` (`state`,`due_date`);--> statement-breakpoint
CREATE TABLE `supervision_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`version` integer NOT NULL,
	`step` text NOT NULL,
	`actor_id` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`content` text NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `supervision_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `steps_action_version_idx` ON `supervision_steps` (`action_id`,`version`);--> statement-breakpoint
INSERT INTO `reallocation_rounds` (`round`, `reallocated_on`, `document_number`, `note`, `batch_id`)
  SELECT `round`, MIN(`reallocated_on`),
         '湘人社函〔' || substr(MIN(`reallocated_on`), 1, 4) || '〕' || CASE `round` % 2 WHEN 1 THEN '41' ELSE '67' END || '号',
         '演示数据', MIN(`batch_id`)
    FROM `fund_reallocations` GROUP BY `round`;

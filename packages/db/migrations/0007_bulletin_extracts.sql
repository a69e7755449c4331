CREATE TABLE `bulletin_extracts` (
	`bulletin_id` integer NOT NULL,
	`city_code` text NOT NULL,
	`document` text NOT NULL,
	`pdf` blob NOT NULL,
	`docx` blob NOT NULL,
	`xlsx` blob NOT NULL,
	`pdf_sha256` text NOT NULL,
	`docx_sha256` text NOT NULL,
	`xlsx_sha256` text NOT NULL,
	PRIMARY KEY(`bulletin_id`, `city_code`),
	FOREIGN KEY (`bulletin_id`) REFERENCES `bulletins`(`id`) ON UPDATE no action ON DELETE no action
);

-- Settings an administrator edits in the portal hold texts (the self-service notice) of up to 4,000 characters.
ALTER TABLE keywarden_setting ALTER COLUMN setting_value TYPE VARCHAR(4000);

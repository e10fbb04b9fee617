-- A check-in writes a volume's status only when it changed; the device's own time of its latest report is
-- kept on the device row (written by every check-in anyway), so that a late report changes no newer status.
ALTER TABLE device ADD last_reported_at TIMESTAMP;

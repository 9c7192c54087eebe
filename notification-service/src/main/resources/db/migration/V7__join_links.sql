-- Each side's join link (<base>/j/<token>) from the latest booking event, put in emails instead of a meeting URL
-- from meeting-link-service (docs/meeting-links.md "Join links"). Null for events written before join links.
ALTER TABLE booking
    ADD COLUMN client_join_url varchar(2048),
    ADD COLUMN host_join_url varchar(2048);

-- The original API's fields (issue 11): contact details of an account, and slots that can be switched off.
ALTER TABLE app_user
    ADD COLUMN phone    varchar(32),
    ADD COLUMN location varchar(200);

ALTER TABLE schedule
    ADD COLUMN is_available boolean NOT NULL DEFAULT true;

-- Ownership of a 'sending' row: every claim writes its own random token. Renewing the lease right before a send
-- and recording the outcome both require the token, so a worker whose lease expired (and whose rows another
-- worker re-claimed) can neither send nor finish them any more.
ALTER TABLE notification ADD COLUMN claim_token uuid;

-- Every staff sign-in attempt: the throttle counts failures per account and per
-- client address from here, and /admin shows the last sign-ins. Platform data.
CREATE TYPE sign_in_outcome AS ENUM ('ok', 'failed', 'throttled');

CREATE TABLE staff_sign_ins (
  id      bigserial PRIMARY KEY,
  at      timestamptz(3) NOT NULL DEFAULT now(),
  email   text NOT NULL CHECK (char_length(email) <= 254),
  address text NOT NULL CHECK (char_length(address) <= 64),
  outcome sign_in_outcome NOT NULL
);
CREATE INDEX staff_sign_ins_email_at_idx ON staff_sign_ins (email, at DESC);
CREATE INDEX staff_sign_ins_address_at_idx ON staff_sign_ins (address, at DESC);

GRANT SELECT, INSERT ON staff_sign_ins TO platform;
GRANT USAGE ON SEQUENCE staff_sign_ins_id_seq TO platform;
GRANT SELECT ON staff_sign_ins TO ops_ro;

-- Each direct sign-up's password, until the link mailed for it is opened:
-- opening it sets the password that sign-up chose. A second sign-up with an
-- email not yet verified (perhaps by someone else) no longer replaces the
-- password of the first, so it cannot take over the account its owner then
-- verifies. Platform data; ops_ro reads none of it (password hashes).
CREATE TABLE buyer_sign_ups (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  buyer_id      uuid NOT NULL REFERENCES direct_buyers (id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX buyer_sign_ups_buyer_idx ON buyer_sign_ups (buyer_id);
CREATE INDEX buyer_sign_ups_created_at_idx ON buyer_sign_ups (created_at);

GRANT SELECT, INSERT, DELETE ON buyer_sign_ups TO platform;

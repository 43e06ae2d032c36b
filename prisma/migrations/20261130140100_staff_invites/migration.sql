-- Staff invitations: an ISV admin invites a member by email; the link carries
-- a token whose SHA-256 is kept here until it is used (or expires). ops_ro is
-- not granted these columns (its grants on staff are per column).
ALTER TABLE staff
  ADD COLUMN invite_hash text UNIQUE,
  ADD COLUMN invite_expires_at timestamptz(3);

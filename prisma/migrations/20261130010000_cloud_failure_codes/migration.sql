-- Why a role cannot be used is a stable code and its arguments ({"code", "args"}),
-- translated by the pages, instead of English text.
ALTER TABLE cloud_access ADD COLUMN failure jsonb;
UPDATE cloud_access SET failure = jsonb_build_object('code', 'AssumeRoleFailed') WHERE last_error IS NOT NULL;
ALTER TABLE cloud_access DROP COLUMN last_error;

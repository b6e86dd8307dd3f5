-- The access-token key lives in a file (or NCEN_JWT_SECRET), never in the database: a dump
-- or a read-only injection must not yield a key that mints tokens. Forget the one an
-- earlier version kept here (the server generates its file on the next start; access
-- tokens signed with the old key stop working, sessions and refresh tokens do not).
DELETE FROM server_secrets WHERE name = 'jwt_hs256';

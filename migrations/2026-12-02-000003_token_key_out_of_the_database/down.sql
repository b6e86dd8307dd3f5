-- Nothing to restore: the key is not kept in the database any more.
SELECT 1;

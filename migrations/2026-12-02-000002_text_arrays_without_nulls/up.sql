-- Text arrays never hold NULL elements: the API writes none, and now the database refuses them.
-- The generated diesel schema can then map them as Array<Text> (scripts/schema.sh).
ALTER TABLE companies ADD CONSTRAINT companies_aliases_no_nulls CHECK (array_position(aliases, NULL) IS NULL);
ALTER TABLE companies ADD CONSTRAINT companies_activities_no_nulls CHECK (array_position(activities, NULL) IS NULL);
ALTER TABLE companies ADD CONSTRAINT companies_addresses_no_nulls CHECK (array_position(addresses, NULL) IS NULL);
ALTER TABLE persons ADD CONSTRAINT persons_aliases_no_nulls CHECK (array_position(aliases, NULL) IS NULL);
ALTER TABLE persons ADD CONSTRAINT persons_nationalities_no_nulls CHECK (array_position(nationalities, NULL) IS NULL);
ALTER TABLE persons ADD CONSTRAINT persons_addresses_no_nulls CHECK (array_position(addresses, NULL) IS NULL);
ALTER TABLE persons ADD CONSTRAINT persons_phones_no_nulls CHECK (array_position(phones, NULL) IS NULL);
ALTER TABLE persons ADD CONSTRAINT persons_emails_no_nulls CHECK (array_position(emails, NULL) IS NULL);
ALTER TABLE seizure_cases ADD CONSTRAINT seizure_cases_detection_methods_no_nulls CHECK (array_position(detection_methods, NULL) IS NULL);
ALTER TABLE seizure_cases ADD CONSTRAINT seizure_cases_route_countries_no_nulls CHECK (array_position(route_countries, NULL) IS NULL);
ALTER TABLE seizure_cases ADD CONSTRAINT seizure_cases_conveyance_types_no_nulls CHECK (array_position(conveyance_types, NULL) IS NULL);
ALTER TABLE users ADD CONSTRAINT users_roles_no_nulls CHECK (array_position(roles, NULL) IS NULL);

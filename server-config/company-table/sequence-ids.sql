-- A variant of the example (PostgreSQL): a company whose ids come from a sequence of its own, as many older schemas
-- make them, rather than an identity column. Run after company-bookings.sql; map it with orm-sequence-ids.xml.
-- Other applications keep inserting without an id (the column's default draws from the sequence), the WAR draws
-- from the same sequence, one number at a time, so neither can take the other's id.
CREATE SEQUENCE company_bookings_seq START WITH 1000;
ALTER TABLE company_bookings ALTER COLUMN booking_no DROP IDENTITY;
ALTER TABLE company_bookings ALTER COLUMN booking_no SET DEFAULT nextval('company_bookings_seq');
ALTER SEQUENCE company_bookings_seq OWNED BY company_bookings.booking_no;

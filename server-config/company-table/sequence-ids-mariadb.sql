-- A variant of the example (MariaDB 10.3+, which has sequences; MySQL has none): a company whose ids come from a
-- sequence of its own rather than AUTO_INCREMENT. Run after company-bookings-mariadb.sql; map it with
-- orm-sequence-ids.xml. Other applications keep inserting without an id (the column's default draws from the
-- sequence), the WAR draws from the same sequence, one number at a time, so neither can take the other's id.
CREATE SEQUENCE company_bookings_seq START WITH 1000;
ALTER TABLE company_bookings MODIFY booking_no BIGINT NOT NULL DEFAULT (NEXT VALUE FOR company_bookings_seq);

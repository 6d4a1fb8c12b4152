-- The example company table (company-bookings.sql) with custom fields in columns of their own (PostgreSQL): run
-- after company-bookings.sql, mapped by orm-custom-columns.xml. Each such column is a custom field of the event on
-- every page ("colour":"red", "attendees":4, "confirmed":true); other custom fields still go to extras.
ALTER TABLE company_bookings
    ADD COLUMN colour    VARCHAR(32),
    ADD COLUMN attendees INTEGER,
    ADD COLUMN confirmed BOOLEAN;

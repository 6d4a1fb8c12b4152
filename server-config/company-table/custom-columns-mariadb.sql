-- custom-columns.sql on MariaDB (or MySQL): the same columns added to company-bookings-mariadb.sql's table, so
-- orm-custom-columns.xml maps it unchanged.
ALTER TABLE company_bookings
    ADD COLUMN colour    VARCHAR(32),
    ADD COLUMN attendees INT,
    ADD COLUMN confirmed BOOLEAN;

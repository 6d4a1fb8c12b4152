package io.liveupdate.persistence;

import java.util.Locale;

/** Which database a JDBC product name ({@code DatabaseMetaData.getDatabaseProductName()}) is, where the SQL differs. */
public final class DatabaseProduct {

    private DatabaseProduct() {
    }

    public static boolean isPostgres(String product) {
        return "PostgreSQL".equalsIgnoreCase(product);
    }

    /** MariaDB's own driver says "MariaDB". */
    public static boolean isMariaDb(String product) {
        return product.toLowerCase(Locale.ROOT).contains("mariadb");
    }
}

package io.liveupdate.demo;

import io.liveupdate.calendar.Calendars;
import io.liveupdate.calendar.EventData;
import io.liveupdate.calendar.EventField;
import io.liveupdate.calendar.EventService;
import io.liveupdate.security.SafeDefaults;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A few events in this week of the default calendar, so that the first page of the `mvn` start is not an empty week:
 * only in the demo ({@code liveupdate.demo=true}) on the server's embedded H2 (the `mvn` start's in-memory database),
 * and only while that calendar is empty. Never on PostgreSQL, even in demo mode (bench/run.sh runs so): a real
 * database gets nothing it did not ask for.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class SampleEvents {

    private static final Logger LOG = Logger.getLogger(SampleEvents.class.getName());

    record Sample(DayOfWeek day, LocalTime start, LocalTime end, String text) {}

    static final List<Sample> SAMPLES = List.of(
            new Sample(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), "Team stand-up: open this page twice, then drag me"),
            new Sample(DayOfWeek.WEDNESDAY, LocalTime.of(13, 0), LocalTime.of(14, 30), "Design review: edit me in one window, watch the other"),
            new Sample(DayOfWeek.FRIDAY, LocalTime.of(16, 0), LocalTime.of(17, 0), "Demo: delete me, reload, I stay deleted"));

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;
    @Inject
    EventService events;
    @Inject
    @ConfigProperty(name = SafeDefaults.DEMO, defaultValue = "false")
    boolean demo;

    @PostConstruct
    void addToAnEmptyDemoCalendar() {
        String product = databaseProduct();
        if (!wanted(demo, product) || !events.load(Calendars.DEFAULT, null, null).isEmpty()) return;
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (Sample sample : SAMPLES) {
            LocalDate day = monday.with(TemporalAdjusters.nextOrSame(sample.day()));
            events.insert(Calendars.DEFAULT, EventData.builder()
                    .set(EventField.START_DATE, LocalDateTime.of(day, sample.start()))
                    .set(EventField.END_DATE, LocalDateTime.of(day, sample.end()))
                    .set(EventField.TEXT, sample.text())
                    .build(), null);
        }
        LOG.info(() -> "Demo on " + product + ": added " + SAMPLES.size() + " sample events to the empty calendar " + Calendars.DEFAULT);
    }

    /** Samples belong to the demo on the embedded database only. */
    static boolean wanted(boolean demo, String databaseProduct) {
        return demo && databaseProduct != null && databaseProduct.trim().equalsIgnoreCase("H2");
    }

    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            LOG.warning(() -> "No sample events: cannot reach the default datasource: " + e.getMessage());
            return null;
        }
    }
}

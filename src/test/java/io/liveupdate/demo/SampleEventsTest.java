package io.liveupdate.demo;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SampleEventsTest {

    @Test
    void onlyTheDemoOnTheEmbeddedH2GetsSamples() {
        assertTrue(SampleEvents.wanted(true, "H2"), "the `mvn` start: demo on WildFly's ExampleDS");
        assertFalse(SampleEvents.wanted(false, "H2"), "not outside the demo");
        assertFalse(SampleEvents.wanted(true, "PostgreSQL"), "never on PostgreSQL, even in demo mode (bench/run.sh)");
        assertFalse(SampleEvents.wanted(true, null), "not when the database cannot be asked");
    }

    @Test
    void theSamplesSayWhatToTry() {
        assertEquals(3, SampleEvents.SAMPLES.size());
        assertTrue(SampleEvents.SAMPLES.stream().anyMatch(s -> s.text().contains("open this page twice")));
        SampleEvents.SAMPLES.forEach(s -> assertTrue(s.end().isAfter(s.start()), s.toString()));
    }
}

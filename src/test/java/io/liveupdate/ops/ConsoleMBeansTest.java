package io.liveupdate.ops;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ConsoleMBeansTest {

    @Test
    void theModuleNameNamesTheApplication() {
        assertEquals("live-update", ConsoleMBeans.appName("live-update"));
        assertEquals("secured", ConsoleMBeans.appName("secured"));
        assertEquals("a_b", ConsoleMBeans.appName("a,b"), "a comma would break the ObjectName");
    }

    @Test
    void namesCarryTypeAndApplication() {
        var name = ConsoleMBeans.name("type=Latency,name=Save", "secured");
        assertEquals("io.liveupdate", name.getDomain());
        assertEquals("Latency", name.getKeyProperty("type"));
        assertEquals("Save", name.getKeyProperty("name"));
        assertEquals("secured", name.getKeyProperty("app"));
    }
}

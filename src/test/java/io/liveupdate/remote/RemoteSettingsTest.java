package io.liveupdate.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteSettingsTest {

    @Test
    void unsetTheDemoTokenIsAcceptedInTheDemoOnly() {
        assertEquals(List.of("demo-token"), RemoteSettings.tokens(Optional.empty(), true));
        assertEquals(List.of(), RemoteSettings.tokens(Optional.empty(), false), "a WAR deployed as it is accepts no token");
    }

    @Test
    void configuredTokensAreTakenAsTheyAreInOrOutOfTheDemo() {
        assertEquals(List.of("a", "b"), RemoteSettings.tokens(Optional.of(" a, ,b "), false));
        assertEquals(List.of("a"), RemoteSettings.tokens(Optional.of("a"), true));
    }
}

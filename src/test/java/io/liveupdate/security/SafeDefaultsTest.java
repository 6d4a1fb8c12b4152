package io.liveupdate.security;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeDefaultsTest {

    private static final List<String> DEMO = List.of("demo-token");
    private static final List<String> OWN = List.of("s3cret-remote-token");

    @Test
    void anyOriginWithSecurityOnIsRefusedWithWhatToSet() {
        var problems = SafeDefaults.problems(true, AllowedOrigins.parse("*"), false, OWN);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("liveupdate.security.allowed-origins=* is refused"), problems.get(0));
        assertEquals(List.of(), SafeDefaults.problems(true, AllowedOrigins.parse("https://app.example"), false, OWN));
        assertEquals(List.of(), SafeDefaults.problems(true, AllowedOrigins.parse(""), false, OWN));
    }

    @Test
    void theDemoTokenOutsideTheDemoIsRefusedWithWhatToSet() {
        var problems = SafeDefaults.problems(false, AllowedOrigins.parse(""), false, DEMO);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("liveupdate.remote.tokens contains the public demo-token"), problems.get(0));
        assertTrue(problems.get(0).contains("liveupdate.demo=true"), problems.get(0));
        assertEquals(1, SafeDefaults.problems(false, AllowedOrigins.parse(""), false, List.of("mine", "demo-token")).size());

        assertEquals(List.of(), SafeDefaults.problems(false, AllowedOrigins.parse(""), true, DEMO), "the demo");
        assertEquals(List.of(), SafeDefaults.problems(false, AllowedOrigins.parse(""), false, OWN), "own tokens");
        assertEquals(List.of(), SafeDefaults.problems(true, AllowedOrigins.parse(""), false, DEMO),
                "security on: the users' tokens serve RemoteEvents, liveupdate.remote.tokens no longer count");
    }
}

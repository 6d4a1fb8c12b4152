package io.liveupdate.security;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class GrantsAndOriginsTest {

    @Test
    void grantsAllowExactlyWhatTheyName() {
        var grants = Grants.parse("alice:team:rw, bob:team:r,bob:/chat:w, root:*:r");
        assertTrue(grants.allows("alice", "team", Access.READ));
        assertTrue(grants.allows("alice", "team", Access.WRITE));
        assertFalse(grants.allows("alice", "default", Access.READ));
        assertFalse(grants.allows("bob", "team", Access.WRITE));
        assertFalse(grants.allows("bob", "/chat", Access.READ), "write does not imply read");
        assertTrue(grants.allows("root", "anything", Access.READ));
        assertFalse(grants.allows("root", "anything", Access.WRITE));
        assertFalse(grants.allows("mallory", "team", Access.READ));
        assertFalse(grants.allows("alice", "*", Access.READ), "a named grant is not a grant on everything");
    }

    @Test
    void aMalformedGrantFailsLoudly() {
        for (String bad : new String[] {"alice", "alice:team", "alice:team:x", ":team:r", "alice::r", "alice:team:"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Grants.parse(bad), bad);
            assertTrue(e.getMessage().contains("liveupdate.security.grants"));
        }
        assertFalse(Grants.parse("").allows("a", "b", Access.READ));
    }

    @Test
    void tokensIdentifyTheirUserOnly() {
        var tokens = UserTokens.parse("alice=secret-a, bob=secret-b");
        assertEquals("alice", tokens.user("secret-a").orElseThrow());
        assertEquals("bob", tokens.user("secret-b").orElseThrow());
        assertTrue(tokens.user("secret-").isEmpty());
        assertTrue(tokens.user("secret-ab").isEmpty());
        assertTrue(tokens.user("").isEmpty());
        assertTrue(tokens.user(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> UserTokens.parse("alice"));
    }

    @Test
    void originsAreTheListTheServersOwnAndNoOrigin() {
        var origins = AllowedOrigins.parse("https://app.example, http://localhost:3000/");
        assertTrue(origins.allows("https://app.example", "server:8080"));
        assertTrue(origins.allows("HTTPS://APP.EXAMPLE", "server:8080"));
        assertTrue(origins.allows("http://localhost:3000", "server:8080"));
        assertTrue(origins.allows("http://server:8080", "server:8080"), "same origin");
        assertTrue(origins.allows("https://server", "server"), "same origin, default port");
        assertTrue(origins.allows(null, "server:8080"), "not a browser page");
        assertFalse(origins.allows("https://app.example.evil.com", "server:8080"));
        assertFalse(origins.allows("http://server:8081", "server:8080"));
        assertFalse(origins.allows("null", "server:8080"), "a sandboxed or file page");
        assertFalse(origins.allows("not a uri at all", "server:8080"));
        assertTrue(AllowedOrigins.parse("*").allows("http://anything", "server"));
    }

    @Test
    void unsetMeansTheServersOwnOriginOnlyAndAWildcardNeverCarriesCredentials() {
        var unset = AllowedOrigins.parse("");
        assertFalse(unset.allows("http://evil.example", "server:8080"));
        assertTrue(unset.allows("http://server:8080", "server:8080"), "the demo pages, same origin");
        assertTrue(unset.allows(null, "server:8080"), "Node's Faye client, curl");

        var any = AllowedOrigins.parse("*, https://app.example");
        assertTrue(any.any());
        assertTrue(any.allows("http://evil.example", "server:8080"));
        assertFalse(any.allowsWithCredentials("http://evil.example", "server:8080"), "* is never echoed with credentials");
        assertTrue(any.allowsWithCredentials("https://app.example", "server:8080"), "a listed origin is");
        assertFalse(unset.any());
    }

    @Test
    void csrfKeysArePerCallerAndCheckedExactly() {
        var keys = new CsrfKeys();
        String alice = keys.keyFor("alice");
        assertTrue(keys.isValid("alice", alice));
        assertFalse(keys.isValid("bob", alice));
        assertFalse(keys.isValid("alice", alice + "x"));
        assertFalse(keys.isValid("alice", null));
        assertNotEquals(alice, new CsrfKeys().keyFor("alice"), "another deployment, another secret");
    }
}

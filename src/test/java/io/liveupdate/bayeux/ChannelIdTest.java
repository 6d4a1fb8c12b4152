package io.liveupdate.bayeux;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelIdTest {

    @Test
    void namesAndTrailingWildcardsFollowFayesGrammar() {
        for (String valid : List.of("/foo", "/foo/bar", "/a-b_c!~()$@/X9", "/*", "/**", "/foo/*", "/foo/**")) {
            assertTrue(ChannelId.parse(valid).isPresent(), valid);
        }
        for (String invalid : List.of("", "/", "foo", "/foo/", "//foo", "/foo//bar", "/foo/*/bar", "/foo*", "/foo/***",
                "/foo.bar", "/foo bar", "/caf\u00e9")) {
            assertTrue(ChannelId.parse(invalid).isEmpty(), invalid);
        }
        assertTrue(ChannelId.parse(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ChannelId.of("/foo/*/bar"));
    }

    @Test
    void wildcardAncestorsAreListedNearestFirst() {
        assertEquals(List.of("/a/b/*", "/a/b/**", "/a/**", "/**"), ChannelId.of("/a/b/c").wildIds());
        assertEquals(List.of("/*", "/**"), ChannelId.of("/a").wildIds());
        assertThrows(IllegalStateException.class, () -> ChannelId.of("/a/*").wildIds());
    }

    @Test
    void oneStarMatchesOneSegmentAndTwoStarsMatchAnyDepth() {
        var name = ChannelId.of("/foo/bar/baz");
        assertFalse(ChannelId.of("/foo/*").matches(name));
        assertTrue(ChannelId.of("/foo/bar/*").matches(name));
        assertTrue(ChannelId.of("/foo/**").matches(name));
        assertTrue(ChannelId.of("/**").matches(name));
        assertFalse(ChannelId.of("/foo/**").matches(ChannelId.of("/foo")), "/** needs at least one more segment");
        assertFalse(ChannelId.of("/foo/*").matches(ChannelId.of("/foo/*")), "a pattern is never published to");
    }

    @Test
    void metaAndServiceAreRecognisedByTheirFirstSegmentOnly() {
        assertTrue(ChannelId.of("/meta/handshake/x").isMeta());
        assertTrue(ChannelId.of("/meta/*").isMeta());
        assertFalse(ChannelId.of("/metadata").isMeta());
        assertFalse(ChannelId.of("/foo/meta").isMeta());
        assertTrue(ChannelId.of("/service/echo").isService());
        assertFalse(ChannelId.of("/**").isMeta());
        assertTrue(ChannelId.of("/a/**").isDeepWild());
        assertFalse(ChannelId.of("/a/*").isDeepWild());
    }

    @Test
    void equalByText() {
        assertEquals(ChannelId.of("/a/b"), ChannelId.of("/a/b"));
        assertEquals(ChannelId.of("/a/b").hashCode(), ChannelId.of("/a/b").hashCode());
        assertNotEquals(ChannelId.of("/a/b"), ChannelId.of("/a/*"));
        assertEquals(List.of("a", "b"), ChannelId.of("/a/b").segments());
    }
}

package io.liveupdate.remote;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where each page's calendar or chart stood when its last RemoteEvents connection on this node ended (the number up to which
 * every change had been written to it), by the page's key, for when it reconnects here. In memory, for at most
 * {@value #MAX_PAGES} pages: the ones whose connection ended longest ago are forgotten first. The front of
 * {@link SharedPositions}, which every node reads (the page may have got further on another node since), and what
 * is left while the database cannot be read.
 */
final class RemotePositions {

    static final int MAX_PAGES = 100_000;

    private final Map<String, Long> byPage = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_PAGES;
        }
    };

    synchronized void remember(String pageKey, RemoteTarget target, long position) {
        byPage.put(pageKey + '\n' + target, position);
    }

    synchronized OptionalLong recall(String pageKey, RemoteTarget target) {
        Long position = byPage.get(pageKey + '\n' + target);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }
}

package io.liveupdate.live;

import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.persistence.LoggedChange;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * A kind of channel whose messages are numbered in the change log, so that {@link ChannelReplay} can send a
 * client what it missed: the calendar channels ({@link CalendarNumbering}) and the Webix storage channels
 * ({@code storage.StorageNumbering}). Implementations are CDI beans; each answers only for its own channels.
 */
public interface NumberedChannels {

    /** The change log stream behind {@code channel}, if it is one of this kind. */
    Optional<String> streamOf(String channel);

    /** The data subscribers were sent for this logged change, to send it again. */
    JsonValue dataOf(LoggedChange change);

    /**
     * Sent right after the reload signal (what a client missed is no longer kept): what lets it start again from
     * the present. Nothing by default: a scheduler page reloads its calendar over HTTP.
     */
    default void afterReload(ServerSession session, String channel) {
    }
}

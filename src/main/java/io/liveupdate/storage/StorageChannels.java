package io.liveupdate.storage;

import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.channels.CalendarChannels;

/**
 * Which channels are storages: every plain channel name (no wildcard) that is not reserved. Reserved are the
 * protocol's {@code /meta/**} and {@code /service/**}, the legacy pair {@code /broadcast} and {@code /update}, and
 * {@code /calendars/**} (see {@link CalendarChannels}). This is the one list; nothing else decides it.
 *
 * <p>A storage name is stored with its items, so it may be at most {@link #MAX_LENGTH} characters: an operation
 * on a longer one is refused (see {@link StorageExtension}), and subscribing to one delivers nothing.
 */
public final class StorageChannels {

    /** The longest storage channel name; the {@code storage_item.channel} column. */
    public static final int MAX_LENGTH = 200;

    private StorageChannels() {
    }

    /** Whether publishes on {@code channel} are stored and its subscribers get the stored items. */
    public static boolean isStorage(ChannelId channel) {
        return !channel.isWild() && !isReserved(channel);
    }

    /** Whether the name fits the database; a storage that does not cannot hold anything. */
    public static boolean fits(ChannelId channel) {
        return channel.toString().length() <= MAX_LENGTH;
    }

    static boolean isReserved(ChannelId channel) {
        String name = channel.toString();
        return channel.isMeta() || channel.isService()
                || CalendarChannels.BROADCAST.equals(name)
                || CalendarChannels.isServerOwned(name);
    }
}

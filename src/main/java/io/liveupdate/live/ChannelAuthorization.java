package io.liveupdate.live;

import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.SecurityPolicy;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.channels.CalendarChannels;
import io.liveupdate.channels.GanttChannels;
import io.liveupdate.gantt.Gantts;
import io.liveupdate.security.Access;
import io.liveupdate.security.AccessControl;
import io.liveupdate.security.Grants;
import java.util.Optional;

/**
 * The grants applied to channels: reading a calendar's update channel needs read on that calendar, a Gantt chart's read on {@code gantt:<name>}, a storage
 * channel read (subscribe) or write (publish) on the channel itself, {@code /broadcast} write on the default
 * calendar, and a wildcard subscription (which could take in other calendars' changes) read on {@code *}. Nobody
 * publishes on the server-owned channels ({@link ServerOwnedChannels}), whether security is on or off; with it off,
 * everything else is allowed. The user is the one {@link LiveAuthentication} bound to the session at its handshake.
 */
public class ChannelAuthorization implements SecurityPolicy {

    private final SecurityPolicy serverOwned = new ServerOwnedChannels();
    private final AccessControl access;

    public ChannelAuthorization(AccessControl access) {
        this.access = access;
    }

    @Override
    public boolean canSubscribe(ServerSession session, ChannelId channel) {
        return serverOwned.canSubscribe(session, channel)
                && access.decide(LiveAuthentication.user(session), resource(channel), Access.READ).allowed();
    }

    @Override
    public boolean canPublish(Optional<ServerSession> session, ChannelId channel) {
        if (!serverOwned.canPublish(session, channel)) return false;
        if (!access.enabled()) return true;
        return session.isPresent() // an unconnected publish has nobody to authorise
                && access.decide(LiveAuthentication.user(session.get()), resource(channel), Access.WRITE).allowed();
    }

    /** The calendar or channel a grant must name for {@code channel}. */
    static String resource(ChannelId channel) {
        String name = channel.toString();
        if (channel.isWild()) return Grants.EVERYTHING;
        if (CalendarChannels.BROADCAST.equals(name)) return CalendarChannels.DEFAULT_CALENDAR;
        var calendar = CalendarChannels.calendarOf(name); // the one parser of update channels, /update included
        if (calendar.isPresent()) return calendar.get();
        var gantt = GanttChannels.ganttOf(name);
        if (gantt.isPresent()) return Gantts.resource(gantt.get());
        // Other names under /calendars (no calendar can have them) carry nothing.
        if (CalendarChannels.isServerOwned(name)) return Grants.EVERYTHING;
        return name;
    }
}

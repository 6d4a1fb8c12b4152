package io.liveupdate.security;

/** What a grant allows on a calendar or a storage channel. */
public enum Access {
    /** Load a calendar, subscribe to its updates or to a storage channel. */
    READ,
    /** Save to a calendar, publish on a storage channel. */
    WRITE
}

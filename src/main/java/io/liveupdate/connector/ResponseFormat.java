package io.liveupdate.connector;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Which format a load is answered in, read the same way by every connector. */
public final class ResponseFormat {

    private ResponseFormat() {
    }

    /** Whether a load is answered in XML: {@code ?format=xml}, or an Accept header whose first concrete type is XML. */
    public static boolean wantsXml(String format, List<MediaType> accepted) {
        if (format != null && !format.isBlank()) return format.equalsIgnoreCase("xml");
        // Accept is sorted by preference; the first concrete type decides.
        for (MediaType type : accepted) {
            if (type.isWildcardType()) continue;
            return type.getSubtype().contains("xml");
        }
        return false;
    }
}

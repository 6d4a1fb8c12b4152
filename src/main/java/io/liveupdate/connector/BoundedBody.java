package io.liveupdate.connector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body, refusing it as soon as it passes the limit rather than buffering it whole. */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static byte[] read(InputStream in, long limit) {
        if (in == null) return new byte[0];
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + (long) n > limit) throw new RequestTooLargeException(limit);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
        return out.toByteArray();
    }
}

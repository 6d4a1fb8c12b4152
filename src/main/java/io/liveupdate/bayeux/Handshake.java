package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Bayeux.*;

import io.liveupdate.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /meta/handshake}: checks the version and the connection types, then creates the session. Like Faye, it
 * always advertises its full type list, whatever the client offered.
 */
final class Handshake {

    /** Faye's {@code Grammar.VERSION}. */
    private static final Pattern VERSION_GRAMMAR = Pattern.compile("[0-9]+(\\.[A-Za-z0-9][A-Za-z0-9\\-_]*)*");

    private final BayeuxSettings settings;
    private final SessionRegistry sessions;

    Handshake(BayeuxSettings settings, SessionRegistry sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    JsonObject handle(JsonObject message) {
        String error = null;
        JsonValue version = message.get(VERSION);
        if (Messages.isMissing(version)) {
            error = BayeuxError.parameterMissing(VERSION);
        } else if (!speaks(version)) {
            error = BayeuxError.versionMismatch(Messages.text(version));
        }
        if (message.get(SUPPORTED_CONNECTION_TYPES) instanceof JsonArray offered) {
            if (offered.stream().map(Messages::text).noneMatch(settings.connectionTypes()::contains)) {
                error = BayeuxError.conntypeMismatch(offered.stream().map(Messages::text).collect(Collectors.joining(",")));
            }
        } else {
            error = BayeuxError.parameterMissing(SUPPORTED_CONNECTION_TYPES);
        }
        var reply = Reply.to(message)
                .add(VERSION, BAYEUX_VERSION)
                .add(SUPPORTED_CONNECTION_TYPES, Json.createArrayBuilder(settings.connectionTypes()));
        if (error != null) return reply.add(ERROR, error).add(SUCCESSFUL, false).add(ADVICE, Reply.noneAdvice()).build();
        return reply.add(CLIENT_ID, sessions.create().id())
                .add(SUCCESSFUL, true)
                .add(ADVICE, Reply.retryAdvice(settings))
                .build();
    }

    /** Faye checks only that a version is there; we also refuse a major version other than 1. */
    private static boolean speaks(JsonValue version) {
        return version instanceof JsonString s
                && VERSION_GRAMMAR.matcher(s.getString()).matches()
                && s.getString().split("\\.")[0].equals("1");
    }
}

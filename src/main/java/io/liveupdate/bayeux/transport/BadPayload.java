package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.FrozenMessage;
import io.liveupdate.json.Json;

/** The answer to a payload that is not Bayeux at all: an unsuccessful reply with Faye's 400 error. */
final class BadPayload {

    private BadPayload() {
    }

    /** The reason for refusing a batch over the limit ({@code liveupdate.security.max-batch-messages}). */
    static String tooManyMessages(int sent, int limit) {
        return "a batch of " + sent + " messages, at most " + limit + " are accepted";
    }

    static FrozenMessage reply(String reason) {
        return FrozenMessage.of(Json.createObjectBuilder()
                .add("successful", false)
                .add("error", "400::Bad request: " + reason.replace(':', ' '))
                .build());
    }
}

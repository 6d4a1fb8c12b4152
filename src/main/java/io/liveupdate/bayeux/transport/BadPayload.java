package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.FrozenMessage;
import jakarta.json.Json;

/** The answer to a payload that is not Bayeux at all: an unsuccessful reply with Faye's 400 error. */
final class BadPayload {

    private BadPayload() {
    }

    static FrozenMessage reply(String reason) {
        return FrozenMessage.of(Json.createObjectBuilder()
                .add("successful", false)
                .add("error", "400::Bad request: " + reason.replace(':', ' '))
                .build());
    }
}

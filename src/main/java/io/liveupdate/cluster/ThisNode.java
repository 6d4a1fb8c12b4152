package io.liveupdate.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * This node's name on the message channel: random, new at every start, so no two nodes (nor a node and its previous
 * run) can be mistaken for one another, whatever their configured names.
 */
@ApplicationScoped
public class ThisNode {

    private final String id;

    public ThisNode() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public String id() {
        return id;
    }
}

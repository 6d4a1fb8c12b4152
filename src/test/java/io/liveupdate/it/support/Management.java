package io.liveupdate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * Faults at the server itself, through WildFly's management API on the run's management port (local
 * authentication, as Arquillian's own client): redeploying the WAR, reloading the server. The server stays the one
 * the other tests use, deployment included.
 */
public final class Management {

    /** The datasource that server-config/wildfly-postgres.cli sets up. */
    private static final String DATASOURCE = "LiveUpdateDS";

    private Management() {
    }

    /** Redeploys the deployment (undeploy and deploy of the same content): every session and socket ends. */
    public static void redeploy(String deployment) throws IOException {
        var op = new ModelNode();
        op.get("operation").set("redeploy");
        op.get("address").add("deployment", deployment);
        execute(op);
    }

    /** Reloads the whole server (all services stop and start again in the same process). */
    public static void reload() throws IOException {
        var op = new ModelNode();
        op.get("operation").set("reload");
        op.get("address").setEmptyList();
        try {
            execute(op);
        } catch (IOException e) {
            // A fast reload can close the management connection before its answer arrives (the client then reports
            // the operation cancelled, WFLYPRT0018): the reload is under way all the same. Wait until it is done,
            // so that nothing after this runs against a server that is still booting.
            if (!(e.getCause() instanceof java.util.concurrent.CancellationException)) throw e;
            awaitRunning(Duration.ofSeconds(180));
        }
    }

    /** Waits until the management API answers and says the server is running. */
    private static void awaitRunning(Duration within) throws IOException {
        var state = new ModelNode();
        state.get("operation").set("read-attribute");
        state.get("address").setEmptyList();
        state.get("name").set("server-state");
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (var client = ModelControllerClient.Factory.create("127.0.0.1", Integer.getInteger("it.management.port", 9990))) {
                ModelNode result = client.execute(state);
                if ("running".equals(result.get("result").asString())) return;
            } catch (IOException | RuntimeException e) {
                // reloading: the management port refuses or drops connections meanwhile
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new AssertionError("the server was not running again within " + within);
    }

    /** The datasource's connection URL as configured: an expression (the default setup) stays one. */
    public static ModelNode datasourceUrl() throws IOException {
        var read = new ModelNode();
        read.get("operation").set("read-attribute");
        read.get("address").add("subsystem", "datasources").add("data-source", DATASOURCE);
        read.get("name").set("connection-url");
        return execute(read).get("result");
    }

    /** Points the datasource at {@code url} and reloads the server, which takes that change only at a reload. */
    public static void datasourceUrl(ModelNode url) throws IOException {
        var write = new ModelNode();
        write.get("operation").set("write-attribute");
        write.get("address").add("subsystem", "datasources").add("data-source", DATASOURCE);
        write.get("name").set("connection-url");
        write.get("value").set(url);
        execute(write);
        reload();
    }

    /** Adds a server system property (persisted in standalone.xml until {@link #removeSystemProperty}). */
    public static void systemProperty(String name, String value) throws IOException {
        var add = new ModelNode();
        add.get("operation").set("add");
        add.get("address").add("system-property", name);
        add.get("value").set(value);
        execute(add);
    }

    public static void removeSystemProperty(String name) throws IOException {
        var remove = new ModelNode();
        remove.get("operation").set("remove");
        remove.get("address").add("system-property", name);
        execute(remove);
    }

    /** The server's used heap in bytes right after a full garbage collection (platform MBeans, through management). */
    public static long heapAfterGc() throws IOException {
        var gc = new ModelNode();
        gc.get("operation").set("gc");
        gc.get("address").add("core-service", "platform-mbean").add("type", "memory");
        execute(gc);
        var read = new ModelNode();
        read.get("operation").set("read-attribute");
        read.get("address").add("core-service", "platform-mbean").add("type", "memory");
        read.get("name").set("heap-memory-usage");
        return execute(read).get("result").get("used").asLong();
    }

    /** Waits until {@code url} answers 200 again. */
    public static void awaitUp(URI url, Duration within) throws InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(), BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " not up again within " + within);
    }

    private static ModelNode execute(ModelNode op) throws IOException {
        int port = Integer.getInteger("it.management.port", 9990);
        try (var client = ModelControllerClient.Factory.create("127.0.0.1", port)) {
            ModelNode result = client.execute(op);
            assertEquals("success", result.get("outcome").asString(), "management operation " + op + ": " + result);
            return result;
        }
    }
}

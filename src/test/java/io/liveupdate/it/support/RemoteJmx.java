package io.liveupdate.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads MBeans from the test's WildFly the way an operator's JConsole does: over remoting JMX on the management
 * port ({@code service:jmx:remote+http://127.0.0.1:<port>}), with local authentication (same machine, same user).
 */
public final class RemoteJmx {

    private final String serviceUrl;

    public RemoteJmx(String host, int managementPort) {
        this.serviceUrl = "service:jmx:remote+http://" + host + ":" + managementPort;
    }

    /** The test WildFly's management port, as the build passed it. */
    public static RemoteJmx ofTestServer() {
        return new RemoteJmx("127.0.0.1", Integer.getInteger("it.management.port", 9990));
    }

    public String serviceUrl() {
        return serviceUrl;
    }

    /** Every attribute of every MBean matching {@code pattern}, as {@code "<object name>|<attribute>" -> value}. */
    public Map<String, String> read(String pattern) {
        String output = run(List.of(java(), "-cp", classPath(), JmxConsole.class.getName(), serviceUrl, pattern));
        var attributes = new LinkedHashMap<String, String>();
        for (String line : output.split("\n")) {
            int equals = line.indexOf('=', line.indexOf('|'));
            if (line.contains("|") && equals > 0) attributes.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return attributes;
    }

    private static String run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("JMX client did not finish: " + command);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) throw new IllegalStateException("JMX client failed:\n" + output);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        String clientJar = Path.of(System.getProperty("jboss.home"), "bin", "client", "jboss-cli-client.jar").toString();
        try {
            String ownClasses = Path.of(JmxConsole.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return clientJar + File.pathSeparator + ownClasses;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.liveupdate.it.support;

import java.util.TreeSet;
import javax.management.MBeanAttributeInfo;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What JConsole shows, printed: connects to a JMX service URL and writes every attribute of the MBeans matching a
 * pattern, one {@code <object name>|<attribute>=<value>} line each. Run in its own JVM with WildFly's
 * {@code bin/client/jboss-cli-client.jar} on the class path, which brings the {@code remote+http} connector of the
 * management port (see {@link RemoteJmx}); the test's own class path is kept free of WildFly's client classes.
 */
public final class JmxConsole {

    public static void main(String[] args) throws Exception {
        try (var connector = JMXConnectorFactory.connect(new JMXServiceURL(args[0]))) {
            var server = connector.getMBeanServerConnection();
            for (ObjectName name : new TreeSet<>(server.queryNames(new ObjectName(args[1]), null))) {
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    System.out.println(name + "|" + attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
                }
            }
        }
    }
}

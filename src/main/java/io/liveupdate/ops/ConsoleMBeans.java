package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxFigures;
import io.liveupdate.remote.RemoteFigures;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Puts the MXBeans on the platform MBean server when the application starts and takes them off when it stops.
 * That server is the one JConsole and WildFly's remoting JMX connector (on the management port) show. The names
 * carry the module name, which is the WAR's name ({@code app=live-update}), so two deployments of the WAR in one
 * server do not clash.
 */
@ApplicationScoped
public class ConsoleMBeans {

    private static final Logger LOG = Logger.getLogger(ConsoleMBeans.class.getName());
    static final String DOMAIN = "io.liveupdate";

    @Inject
    BayeuxFigures bayeux;
    @Inject
    RemoteFigures remote;
    @Inject
    OpsMetrics metrics;
    @Inject
    DoorbellHealth doorbell;
    @Resource(lookup = "java:module/ModuleName")
    String moduleName;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        String app = appName(moduleName);
        for (var bean : beans(app).entrySet()) register(bean.getKey(), bean.getValue());
        LOG.info(() -> "Console MBeans registered: " + registered);
    }

    @PreDestroy
    void stop() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.log(Level.FINE, "MBean " + name + " was already gone", e);
            }
        }
        registered.clear();
    }

    private Map<ObjectName, Object> beans(String app) {
        var beans = new LinkedHashMap<ObjectName, Object>();
        beans.put(name("type=Sessions", app), new SessionsView(bayeux, remote, metrics.bayeux()));
        beans.put(name("type=Messages", app), new MessagesView(bayeux, metrics));
        beans.put(name("type=Latency,name=Save", app), new LatencyView(metrics.save()));
        beans.put(name("type=Latency,name=Broadcast", app), new LatencyView(metrics.broadcast()));
        beans.put(name("type=Doorbell", app), new DoorbellView(doorbell));
        return beans;
    }

    /** A registration left behind by an earlier deployment that did not stop cleanly is replaced, not fatal. */
    private void register(ObjectName name, Object bean) {
        try {
            try {
                server.registerMBean(bean, name);
            } catch (InstanceAlreadyExistsException stale) {
                LOG.warning(() -> "Replacing a stale MBean " + name);
                server.unregisterMBean(name);
                server.registerMBean(bean, name);
            }
            registered.add(name);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "Could not register MBean " + name + "; the console will not show it", e);
        }
    }

    static ObjectName name(String keys, String app) {
        try {
            return new ObjectName(DOMAIN + ":" + keys + ",app=" + app);
        } catch (JMException e) {
            throw new IllegalArgumentException("not an MBean name: " + keys + ", app " + app, e);
        }
    }

    /** Characters an ObjectName would need quoted become {@code _}. */
    static String appName(String moduleName) {
        String name = moduleName == null ? "" : moduleName.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() ? "live-update" : name;
    }
}

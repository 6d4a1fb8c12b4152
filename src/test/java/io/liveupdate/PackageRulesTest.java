package io.liveupdate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md ("knows nothing of"), checked on the compiled classes: an import that
 * breaks one fails the unit tests. One test per sentence of that table, named after it. A rule that some classes still
 * break lists exactly those classes in a commented allow-list ({@link #except}); a class on it that stops breaking the
 * rule should be taken off it.
 */
class PackageRulesTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.liveupdate");

    private static final String[] SERVLET_WEBSOCKET_JAXRS = {"jakarta.servlet..", "jakarta.websocket..", "jakarta.ws.rs.."};
    private static final String[] JPA_AND_TRANSACTIONS = {"jakarta.persistence..", "jakarta.transaction..", "org.eclipse.persistence.."};
    /** The two WebSocket protocols' transports and what they share. */
    private static final String[] OUR_TRANSPORTS = {"io.liveupdate.bayeux.transport..", "io.liveupdate.remote.transport..", "io.liveupdate.websocket.."};
    private static final String[] DOMAINS = {"io.liveupdate.calendar", "io.liveupdate.gantt", "io.liveupdate.storage"};

    /** "bayeux: the Bayeux protocol core ... knows nothing of Servlet, WebSocket, JPA" (nor of what is published on it). */
    @Test
    void theBayeuxCoreKnowsNothingOfServletWebSocketJpaOrTheDomains() {
        noClasses().that().resideInAPackage("io.liveupdate.bayeux")
                .should().dependOnClassesThat(resideInAnyPackage(SERVLET_WEBSOCKET_JAXRS)
                        .or(resideInAnyPackage(JPA_AND_TRANSACTIONS))
                        .or(resideInAnyPackage("io.liveupdate.bayeux.transport..", "io.liveupdate.calendar..", "io.liveupdate.gantt..",
                                "io.liveupdate.storage..", "io.liveupdate.stream..", "io.liveupdate.persistence..", "io.liveupdate.live..",
                                "io.liveupdate.cluster..", "io.liveupdate.security..", "io.liveupdate.ops..", "io.liveupdate.remote..")))
                .check(APP);
    }

    /** "bayeux.transport: ... knows nothing of JPA". */
    @Test
    void theBayeuxTransportsKnowNothingOfJpa() {
        noClasses().that().resideInAPackage("io.liveupdate.bayeux.transport")
                .should().dependOnClassesThat(resideInAnyPackage(JPA_AND_TRANSACTIONS))
                .check(APP);
    }

    /** The domains, the stream and persistence know nothing of WebSockets or transports (HTTP included). */
    @Test
    void domainsStreamAndPersistenceKnowNothingOfWebSocketsOrTransports() {
        noClasses().that().resideInAnyPackage(DOMAINS).or().resideInAnyPackage("io.liveupdate.stream", "io.liveupdate.persistence")
                .should().dependOnClassesThat(resideInAnyPackage(SERVLET_WEBSOCKET_JAXRS).or(resideInAnyPackage(OUR_TRANSPORTS)))
                .check(APP);
    }

    /** "calendar", "gantt": ... knows nothing of "HTTP, formats, sessions" (and channels). */
    @Test
    void calendarAndGanttKnowNothingOfHttpFormatsOrSessions() {
        noClasses().that().resideInAnyPackage("io.liveupdate.calendar", "io.liveupdate.gantt")
                .should().dependOnClassesThat(resideInAnyPackage("io.liveupdate..connector..", "io.liveupdate.bayeux..",
                        "io.liveupdate.live..", "io.liveupdate.remote..", "io.liveupdate.storage..", "io.liveupdate.cluster..", "io.liveupdate.wire.."))
                .check(APP);
    }

    /** "storage: Webix storage channels ... knows nothing of scheduler events, transports" (nor of the calendar protocol in live). */
    @Test
    void storageKnowsNothingOfSchedulerEventsTransportsOrLive() {
        noClasses().that().resideInAPackage("io.liveupdate.storage")
                .should().dependOnClassesThat(resideInAnyPackage("io.liveupdate.calendar..", "io.liveupdate.gantt..", "io.liveupdate.live..", "io.liveupdate.remote.."))
                .check(APP);
    }

    /** "stream: the stream of changes ... knows nothing of protocols, HTTP, sessions". */
    @Test
    void theStreamKnowsNothingOfProtocolsHttpOrSessions() {
        noClasses().that().resideInAPackage("io.liveupdate.stream")
                .should().dependOnClassesThat(resideInAnyPackage("io.liveupdate.bayeux..", "io.liveupdate.live..", "io.liveupdate.remote..", "io.liveupdate..connector..",
                        "io.liveupdate.cluster..", "io.liveupdate.calendar..", "io.liveupdate.gantt..", "io.liveupdate.storage.."))
                .check(APP);
    }

    /** "persistence: runs the migrations ...; the change log ... knows nothing of the domain". */
    @Test
    void persistenceKnowsNothingOfTheDomain() {
        noClasses().that().resideInAPackage("io.liveupdate.persistence")
                .should().dependOnClassesThat(resideInAnyPackage("io.liveupdate.calendar..", "io.liveupdate.gantt..", "io.liveupdate.storage..",
                        "io.liveupdate.stream..", "io.liveupdate.live..", "io.liveupdate.remote..", "io.liveupdate.bayeux.."))
                .check(APP);
    }

    /** "calendar.connector", "gantt.connector": ... knows nothing of "sessions, channels". */
    @Test
    void connectorsKnowNothingOfSessionsOrChannels() {
        noClasses().that().resideInAPackage("io.liveupdate..connector..")
                .should().dependOnClassesThat(resideInAnyPackage("io.liveupdate.bayeux..", "io.liveupdate.live..", "io.liveupdate.remote..", "io.liveupdate.storage..",
                        "io.liveupdate.channels..", "io.liveupdate.cluster..", "io.liveupdate.websocket.."))
                .check(APP);
    }

    /**
     * "calendar.connector", "gantt.connector": ... knows nothing of "another connector": what both read the same way
     * (bodies, forms, the dataProcessor's save modes, errors) is the shared {@code connector} package.
     */
    @Test
    void aConnectorKnowsNothingOfAnotherConnector() {
        noClasses().that().resideInAPackage("io.liveupdate.calendar.connector..")
                .should().dependOnClassesThat(resideInAPackage("io.liveupdate.gantt.connector.."))
                .check(APP);
        noClasses().that().resideInAPackage("io.liveupdate.gantt.connector..")
                .should().dependOnClassesThat(resideInAPackage("io.liveupdate.calendar.connector.."))
                .check(APP);
    }

    /** "connector: what both connectors share ... knows nothing of the domains or either connector". */
    @Test
    void theSharedConnectorPartsKnowNothingOfTheDomainsOrEitherConnector() {
        noClasses().that().resideInAPackage("io.liveupdate.connector")
                .should().dependOnClassesThat(resideInAnyPackage("io.liveupdate.calendar..", "io.liveupdate.gantt..", "io.liveupdate.storage..")
                        .or(resideInAnyPackage(JPA_AND_TRANSACTIONS)))
                .check(APP);
    }

    /**
     * The connectors are thin adapters: what a failed transaction means (a lost race, a commit that failed) is decided
     * by the domain's service, so a connector names no JPA, EclipseLink or JTA exception.
     */
    @Test
    void connectorsKnowNothingOfJpaExceptionsOrTransactions() {
        noClasses().that().resideInAPackage("io.liveupdate..connector..")
                .should().dependOnClassesThat(resideInAnyPackage(JPA_AND_TRANSACTIONS))
                .check(APP);
    }

    /** "channels: the channels the server owns and their names ... knows nothing of protocols or transports". */
    @Test
    void channelNamesKnowNothingOfProtocolsOrTransports() {
        noClasses().that().resideInAPackage("io.liveupdate.channels")
                .should().dependOnClassesThat(resideInAnyPackage("io.liveupdate.bayeux..", "io.liveupdate.live..", "io.liveupdate.remote..", "io.liveupdate.storage..",
                        "io.liveupdate..connector..", "io.liveupdate.cluster..", "io.liveupdate.websocket.."))
                .check(APP);
    }

    /** "live: what is published after a commit ... knows nothing of transports" (nor of RemoteEvents, a protocol of its own). */
    @Test
    void liveKnowsNothingOfTransports() {
        noClasses().that().resideInAPackage("io.liveupdate.live")
                .should().dependOnClassesThat(resideInAnyPackage(SERVLET_WEBSOCKET_JAXRS).or(resideInAnyPackage(OUR_TRANSPORTS))
                        .or(resideInAPackage("io.liveupdate.remote..")))
                .check(APP);
    }

    /**
     * The cluster is plugged into the core (it relays client publishes between nodes as a publish listener): what is
     * published on a commit does not hand messages to it, and a publish meant for every node says so to the core
     * ({@code BayeuxServer.publishToEveryServer}).
     */
    @Test
    void liveKnowsNothingOfTheCluster() {
        noClasses().that().resideInAPackage("io.liveupdate.live..")
                .should().dependOnClassesThat(resideInAPackage("io.liveupdate.cluster.."))
                .check(APP);
    }

    /**
     * javac copies compile-time constants (a transport's attribute names, say) into the classes that use them, so no
     * class file shows that dependency; for live, the imports in its sources are read as well.
     */
    @Test
    void liveImportsNothingFromTransportsEitherForTheirConstants() throws IOException {
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/liveupdate/live"))) {
            List<String> breaking = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> importsAny(path, "io.liveupdate.bayeux.transport.", "io.liveupdate.remote.", "io.liveupdate.websocket."))
                    .map(path -> path.getFileName().toString())
                    .sorted().toList();
            assertEquals(List.of(), breaking, "live sources importing a transport");
        }
    }

    /**
     * How an event looks on the wire is one package ({@code wire}) that the connector and both live protocols use:
     * a live protocol borrows nothing from an HTTP adapter.
     */
    @Test
    void liveProtocolsBorrowNothingFromTheConnectors() {
        noClasses().that().resideInAnyPackage("io.liveupdate.live..", "io.liveupdate.remote..", "io.liveupdate.storage..", "io.liveupdate.cluster..")
                .should().dependOnClassesThat(resideInAPackage("io.liveupdate..connector.."))
                .check(APP);
    }

    /**
     * "remote: RemoteEvents, a protocol of its own ... knows nothing of Bayeux, Servlet, WebSocket, JAX-RS" (nor of the
     * Bayeux publishers in live, nor of its own transports): a connection is written through {@code RemotePeer}, its
     * frames queued for the shared {@code websocket.SocketWriter}, which names no socket API (rule below).
     */
    @Test
    void remoteEventsKnowsNothingOfBayeuxServletWebSocketOrJaxRs() {
        noClasses().that().resideInAPackage("io.liveupdate.remote")
                .should().dependOnClassesThat(resideInAnyPackage(SERVLET_WEBSOCKET_JAXRS)
                        .or(resideInAnyPackage("io.liveupdate.bayeux..", "io.liveupdate.live..", "io.liveupdate.remote.transport..",
                                "io.liveupdate.cluster..", "io.liveupdate..connector.."))
                        .or(resideInAPackage("io.liveupdate.websocket..").and(not(named("io.liveupdate.websocket.SocketWriter")))))
                .check(APP);
    }

    /**
     * "websocket: ... one writer for both protocols' sockets (SocketWriter), which writes through a hook": so that a
     * protocol package can queue frames for it and still know nothing of WebSockets.
     */
    @Test
    void theSharedSocketWriterNamesNoSocketApi() {
        noClasses().that(named("io.liveupdate.websocket.SocketWriter"))
                .should().dependOnClassesThat(resideInAnyPackage(SERVLET_WEBSOCKET_JAXRS).or(resideOutsideOfPackage("java..")
                        .and(not(named("io.liveupdate.websocket.SocketWriter")))))
                .check(APP);
    }

    /** "remote.transport: the /api/v1 WebSocket and the JAX-RS handshake ... knows nothing of JPA" (nor of Bayeux). */
    @Test
    void theRemoteEventsTransportsKnowNothingOfJpaOrBayeux() {
        noClasses().that().resideInAPackage("io.liveupdate.remote.transport")
                .should().dependOnClassesThat(resideInAnyPackage(JPA_AND_TRANSACTIONS)
                        .or(resideInAnyPackage("io.liveupdate.bayeux..", "io.liveupdate.live..")))
                .check(APP);
    }

    /** Bayeux (its core, its transports and what live publishes on it) knows nothing of RemoteEvents, nor RemoteEvents of Bayeux. */
    @Test
    void bayeuxAndLiveKnowNothingOfRemoteEvents() {
        noClasses().that().resideInAnyPackage("io.liveupdate.bayeux..", "io.liveupdate.live..")
                .should().dependOnClassesThat(resideInAPackage("io.liveupdate.remote.."))
                .check(APP);
    }

    /** "security: ... knows nothing of Bayeux, WebSockets, JPA" (nor of RemoteEvents). */
    @Test
    void securityKnowsNothingOfBayeuxWebSocketsOrJpa() {
        noClasses().that().resideInAPackage("io.liveupdate.security")
                .should().dependOnClassesThat(resideInAnyPackage("jakarta.websocket..", "io.liveupdate.bayeux..", "io.liveupdate.live..", "io.liveupdate.remote..",
                        "io.liveupdate.websocket..").or(resideInAnyPackage(JPA_AND_TRANSACTIONS)))
                .check(APP);
    }

    /** "websocket: what both WebSocket endpoints share ... knows nothing of Bayeux, RemoteEvents". */
    @Test
    void theSharedWebSocketPartsKnowNothingOfBayeuxOrRemoteEvents() {
        noClasses().that().resideInAPackage("io.liveupdate.websocket")
                .should().dependOnClassesThat(resideInAnyPackage("io.liveupdate.bayeux..", "io.liveupdate.live..", "io.liveupdate.remote.."))
                .check(APP);
    }

    /** "json", "fanout", "input", "lifecycle": ... know nothing of everything else; "wire" knows the domain's views, nothing of HTTP or sessions. */
    @Test
    void theSmallSharedPackagesKnowNothingElse() {
        for (String shared : Set.of("io.liveupdate.json", "io.liveupdate.fanout", "io.liveupdate.input", "io.liveupdate.lifecycle")) {
            classes().that().resideInAPackage(shared)
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.liveupdate..").or(resideInAPackage(shared)))
                    .check(APP);
        }
        classes().that().resideInAPackage("io.liveupdate.wire")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.liveupdate..")
                        .or(resideInAnyPackage("io.liveupdate.wire", "io.liveupdate.json", "io.liveupdate.calendar", "io.liveupdate.gantt")))
                .check(APP);
        noClasses().that().resideInAPackage("io.liveupdate.wire")
                .should().dependOnClassesThat(resideInAnyPackage(SERVLET_WEBSOCKET_JAXRS))
                .check(APP);
    }

    /**
     * "ops: ... knows nothing of the protocols": it reads the other packages only through their hooks, namely the Bayeux
     * core's {@code BayeuxMetrics} (pushed counts) and {@code BayeuxFigures} (sessions and queues when asked),
     * RemoteEvents' {@code RemoteFigures}, the doorbell listener's {@code ChangeFeed.status()} ({@code ListenerStatus}),
     * and the committed-change event {@code EventChanged}; plus the shared {@code json} factory.
     */
    @Test
    void opsReadsOtherPackagesOnlyThroughTheirHooks() {
        classes().that().resideInAPackage("io.liveupdate.ops")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.liveupdate..")
                        .or(resideInAnyPackage("io.liveupdate.ops", "io.liveupdate.json"))
                        .or(named("io.liveupdate.bayeux.BayeuxMetrics", "io.liveupdate.bayeux.BayeuxFigures",
                                "io.liveupdate.remote.RemoteFigures",
                                "io.liveupdate.stream.ChangeFeed", "io.liveupdate.stream.ListenerStatus",
                                "io.liveupdate.calendar.EventChanged")))
                .check(APP);
    }

    /** One change flows one way: no two packages depend on each other, however indirectly. */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching("io.liveupdate.(**)").should().beFreeOfCycles().check(APP);
    }

    private static boolean importsAny(Path source, String... packagePrefixes) {
        try {
            return Files.readAllLines(source).stream()
                    .filter(line -> line.startsWith("import "))
                    .map(line -> line.replace("import static ", "").replace("import ", ""))
                    .anyMatch(imported -> Arrays.stream(packagePrefixes).anyMatch(imported::startsWith));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Classes (with their nested classes) still breaking a rule; each use says why. */
    private static DescribedPredicate<JavaClass> except(String... classNames) {
        return not(named(classNames)).as("are not " + String.join(", ", classNames));
    }

    /** These classes and their nested classes. */
    private static DescribedPredicate<JavaClass> named(String... classNames) {
        Set<String> names = Set.of(classNames);
        return DescribedPredicate.describe(String.join(", ", classNames), type -> {
            String name = type.getName();
            int nested = name.indexOf('$');
            return names.contains(nested < 0 ? name : name.substring(0, nested));
        });
    }
}

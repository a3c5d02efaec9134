package mobius;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only its Bolt connector, on loopback, for development and
 * tests. Authentication is off because it never listens beyond 127.0.0.1; production points
 * NEO4J_URI at a real server instead.
 *
 * Usage: LocalNeo4j <homeDir> <pluginDir> <boltPort> [pageCacheMb]. Prints "READY <port>" once Bolt accepts.
 */
public final class LocalNeo4j {
    public static void main(String[] args) {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: LocalNeo4j <homeDir> <pluginDir> <boltPort> [pageCacheMb]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path plugins = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        long pageCacheMb = args.length == 4 ? Long.parseLong(args[3]) : 512;

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                // Small by default so tests and a gateway share a 2-core machine comfortably; the
                // benchmark's large data set asks for a page cache that holds its store.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                // Bolt waits 5 s for its workers and 5 s more for its connections on shutdown; the
                // callers have closed their drivers by then, so a development server need not.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
        System.out.println("READY " + port);
        System.out.flush();
    }
}

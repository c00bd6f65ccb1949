package kr.aa.cycle;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import kr.aa.comply.Ledger;
import kr.aa.io.Storage;
import org.apache.hadoop.fs.Path;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The operational database holding the Spring Batch job repository and the compliance ledger: an embedded
 * H2 file under a local output folder by default, any JDBC URL otherwise ({@code AA_DB_URL}, with
 * {@code AA_DB_USER} and {@code AA_DB_PASSWORD} from the environment, never from a file). The job
 * repository's tables are created on first use; the ledger applies its own migrations.
 */
public record JobDatabase(String url, String user, String password) {

    /**
     * The embedded default: {@code <out>/state/aa}, an H2 file database that writes each commit to disk at once
     * (H2 otherwise waits up to half a second, and a run killed in that time would lose what it had recorded).
     */
    public static JobDatabase embedded(java.nio.file.Path outDir) {
        return new JobDatabase("jdbc:h2:file:" + outDir.toAbsolutePath().resolve("state").resolve("aa")
                + ";WRITE_DELAY=0", "sa", "");
    }

    /**
     * The database an environment ({@code System.getenv()} for a command) names, else the embedded default of a
     * local output folder; an output folder on another file system has none.
     */
    public static JobDatabase from(Map<String, String> environment, Path outDir) {
        String url = environment.get("AA_DB_URL");
        if (url == null || url.isBlank()) {
            if (!Storage.isLocal(outDir)) {
                throw new IllegalArgumentException(outDir + " is not on the local disk, where the embedded database"
                        + " lives: set AA_DB_URL (with AA_DB_USER and AA_DB_PASSWORD) to a PostgreSQL database");
            }
            return embedded(Storage.toLocal(outDir));
        }
        return new JobDatabase(url, environment.get("AA_DB_USER"), environment.get("AA_DB_PASSWORD"));
    }

    @Override
    public String toString() {
        return url;
    }

    public DataSource dataSource() {
        var dataSource = new SimpleDriverDataSource();
        try {
            dataSource.setDriver(DriverManager.getDriver(url));
        } catch (SQLException e) {
            throw new IllegalArgumentException("no JDBC driver for " + url + " (H2 and PostgreSQL are built in)", e);
        }
        dataSource.setUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        createJobRepositoryTables(dataSource);
        return dataSource;
    }

    private void createJobRepositoryTables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (Ledger.hasTable(metaData, "batch_job_instance")) {
                return;
            }
            String script = product.contains("postgres") ? "schema-postgresql.sql" : "schema-h2.sql";
            new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/" + script))
                    .populate(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the job repository database " + url + ": " + e.getMessage(), e);
        }
    }
}

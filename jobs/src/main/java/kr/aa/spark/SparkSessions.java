package kr.aa.spark;

import kr.aa.io.Storage;
import org.apache.spark.sql.SparkSession;

/**
 * The pipeline's Spark session: local on two cores by default, a cluster when a master URL says so. The
 * settings make results independent of the machine: UTC session time zone, ANSI SQL, java.time values.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    public static SparkSession start(String master) {
        SparkSession.Builder builder = SparkSession.builder();
        // the Hadoop settings of the driver's own file access (Storage), for Spark's, on the executors too
        Storage.settings().forEach((key, value) -> builder.config("spark.hadoop." + key, value));
        if (master.startsWith("local")) {
            // in-process: nothing but this machine talks to the driver
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        } else {
            // executors of a cluster load the pipeline's classes from its jar, and reach the driver at the address
            // Spark takes from SPARK_LOCAL_IP (or spark.driver.host, as a -D option of AA_JAVA_OPTS)
            builder.config("spark.jars",
                    SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        }
        return builder
                .appName("aa-cycle")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8")
                // the plan each query logs for the UI, in its short form: the detailed one costs time on every query
                .config("spark.sql.ui.explainMode", "simple")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.ansi.enabled", "true")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.parquet.compression.codec", "snappy")
                .getOrCreate();
    }
}

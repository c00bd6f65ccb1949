package kr.aa.io;

/**
 * A table read record by record, from a CSV file or from a database table of the same name and columns
 * (data contract, "Input"). Each record keeps where it was read, so that a rejection can point at it.
 */
public interface RecordTable extends Iterable<CsvTable.Row>, AutoCloseable {

    @Override
    void close();
}

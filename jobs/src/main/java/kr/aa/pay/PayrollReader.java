package kr.aa.pay;

import java.util.Iterator;
import kr.aa.ingest.Bundle;
import kr.aa.io.CsvTable;
import kr.aa.io.RecordTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Reads the rows of the bundle's optional {@code payroll.csv}; a bundle without one has no rows. */
public final class PayrollReader implements ItemStreamReader<CsvTable.Row> {

    private static final Logger log = LoggerFactory.getLogger(PayrollReader.class);

    private final Bundle bundle;
    private RecordTable table;
    private Iterator<CsvTable.Row> rows;

    public PayrollReader(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public void open(ExecutionContext context) {
        if (!bundle.has(Bundle.PAYROLL)) {
            log.info("the bundle has no payroll.csv: no pay disclosure this year");
            return;
        }
        table = bundle.open(Bundle.PAYROLL);
        rows = table.iterator();
    }

    @Override
    public CsvTable.Row read() {
        return rows != null && rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
        if (table != null) {
            table.close();
        }
    }
}

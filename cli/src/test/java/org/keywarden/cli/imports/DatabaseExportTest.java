package org.keywarden.cli.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The exports of MBAM's and ConfigMgr's databases as PowerShell and sqlcmd write them. */
class DatabaseExportTest {

    @Test
    void exportCsvWithQuotesBomAndAnyColumnOrder() throws Exception {
        SourceRows rows = DatabaseExport.read(new StringReader("\uFEFF\"RecoveryKey\",\"Name\",\"RecoveryKeyId\",\"LastUpdateTime\","
                + "\"VolumeType\"\r\n\"1-2\",\"PC, \"\"one\"\"\",\"{8A696888-99A7-4FAC-92C7-6CC497EA7BDF}\",\"2023-04-05 10:11:12.1230000\",\"3\"\r\n"));
        assertEquals(1, rows.rows().size());
        ImportRow row = rows.rows().get(0);
        assertEquals("PC, \"one\"", row.hostname());
        assertEquals("{8A696888-99A7-4FAC-92C7-6CC497EA7BDF}", row.recoveryKeyId());
        assertEquals("1-2", row.recoveryPassword());
        assertEquals("2023-04-05T10:11:12.123Z", row.createdAt());
        assertEquals("REMOVABLE", row.volumeType());
        assertNull(row.domain());
        assertTrue(!row.toString().contains("recoveryPassword") && !row.toString().contains("1-2,"),
                "toString leaves the password out: " + row);
    }

    @Test
    void sqlcmdOutputWithItsDashesLine() throws Exception {
        SourceRows rows = DatabaseExport.read(new StringReader("Hostname,RecoveryKeyId,RecoveryKey\n"
                + "--------,-------------,-----------\nPC-1,K1,P1\nPC-2,K2\n\n"));
        assertEquals(1, rows.rows().size());
        assertEquals("PC-1", rows.rows().get(0).hostname());
        assertEquals(1, rows.skipped().size(), "a short record is named, not sent");
        assertEquals("record 2", rows.skipped().get(0).where());
    }

    @Test
    void aMissingColumnIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseExport.read(new StringReader("Hostname,RecoveryKeyId\nPC-1,K1\n")));
        assertTrue(e.getMessage().startsWith("the CSV has no column recoverykey"), e.getMessage());
        IllegalArgumentException headless = assertThrows(IllegalArgumentException.class, () -> DatabaseExport.read(
                new StringReader("PC-1,8A696888-99A7-4FAC-92C7-6CC497EA7BDF,254793-568007-000000-000000-000000-000000-000000-000000\n")));
        assertTrue(!headless.getMessage().contains("254793"), "a row taken for the header is not shown: " + headless.getMessage());
    }
}

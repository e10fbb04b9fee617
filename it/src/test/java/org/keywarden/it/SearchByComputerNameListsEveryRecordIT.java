package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PC that was reinstalled and enrolled again has two records under one name: the search lists both,
 * newest first with enrolled-at and last check-in, and each device page links the other record.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(102)
class SearchByComputerNameListsEveryRecordIT {

    @Test
    void bothRecordsOfAReenrolledPcAreListedNewestFirst() {
        TestDevice first = TestDevice.enroll();
        TestDevice second = TestDevice.enroll(Json.createObjectBuilder().add("hostname", first.hostname));
        second.escrowNewKey("OS");

        try (Browser browser = Browser.open()) {
            HelpdeskSearchPage search = SignInPage.signInToHelpdesk(browser, TestUsers.create("HELPDESK"))
                    .search(first.hostname.toLowerCase(java.util.Locale.ROOT));
            assertEquals("devices", search.outcome(), search::resultsText);
            assertEquals(List.of(first.hostname, first.hostname), search.deviceLinks());
            List<String> enrolled = search.enrolledColumn();
            assertTrue(enrolled.get(0).compareTo(enrolled.get(1)) >= 0, "newest first: " + enrolled);
            DevicePage newest = search.openDevice(0);
            assertEquals(first.hostname, newest.fact("hostname"));
            assertEquals(List.of(first.hostname), newest.otherRecords());
            assertEquals(List.of("CORP\\alice"), newest.users());
        }
    }
}

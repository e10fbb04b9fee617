/** Device check-ins: recording reported volume status (an unchanged one by plain JDBC, committed in groups) and telling the device what to do next. */
package org.keywarden.checkin.control;

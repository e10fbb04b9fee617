/** Device check-ins: recording reported volume status and telling the device what to do next. */
package org.keywarden.checkin.control;

/** Enrollment of devices, their bearer-token credentials and their associated users. */
package org.keywarden.device.control;

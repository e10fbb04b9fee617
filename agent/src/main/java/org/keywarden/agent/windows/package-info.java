/** BitLocker, machine facts and the scheduled task on Windows, all through one PowerShell runner over WMI. */
package org.keywarden.agent.windows;

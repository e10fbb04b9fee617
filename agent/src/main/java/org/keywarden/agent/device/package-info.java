/** The PC the agent runs on: its name, domain, serial number, OS version and user, and how it schedules the agent. */
package org.keywarden.agent.device;

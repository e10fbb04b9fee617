package org.keywarden.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Whether every start-up bean has started. A timer that fires while a deployment is still starting (or
 * failing to: a keystore that cannot be opened, a secret too short) must not call another bean: that
 * call waits for the start-up to finish, which never comes, and the undeployment then waits for the
 * call. Timers look here first and skip their round until the start is complete.
 */
@Singleton
@Startup
// the last of each line of start-up beans (the others come before them); Payara refuses a list that names
// a bean and also one it depends on as a "cyclic dependency"
@DependsOn({"BootstrapAdministrator", "EnrollmentSecret", "KeystorePasswordPlacement", "RewrapJob", "SettingsAtStart"})
public class StartupComplete {

    private static volatile boolean done;

    @PostConstruct
    void started() {
        done = true;
    }

    /** Whether this deployment's start-up beans have all started. */
    public static boolean isDone() {
        return done;
    }
}

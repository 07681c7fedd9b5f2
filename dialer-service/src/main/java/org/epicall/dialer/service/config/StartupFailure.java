package org.epicall.dialer.service.config;

/**
 * The dialer cannot start as configured: the message names the setting and says what to do. The
 * command line prints it as one line and exits non-zero.
 */
public class StartupFailure extends RuntimeException {

    private final String setting;

    /**
     * @param setting the configuration key at fault, e.g. {@code epicall.dialer.recordings-dir}
     * @param problem what is wrong and what to do, as a sentence without the key
     */
    public StartupFailure(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public StartupFailure(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}

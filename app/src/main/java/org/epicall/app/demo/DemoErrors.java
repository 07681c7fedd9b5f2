package org.epicall.app.demo;

/** Turns a failure while starting the demo into one line a user can act on, without a stack trace. */
final class DemoErrors {

    private DemoErrors() {
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        Throwable t = e;
        String previous = null;
        while (t != null) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && (previous == null || !previous.contains(message))) {
                if (!text.isEmpty()) {
                    text.append(": ");
                }
                text.append(message.strip());
                previous = message;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return text.isEmpty() ? e.getClass().getSimpleName() : text.toString();
    }
}

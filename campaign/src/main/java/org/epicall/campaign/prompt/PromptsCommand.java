package org.epicall.campaign.prompt;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.epicall.survey.prompt.PromptIds;
import org.epicall.survey.prompt.PromptTexts;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireException;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code epicall prompts …}: the sound files a questionnaire's calls play. */
@Command(name = "prompts", mixinStandardHelpOptions = true, description = "The sound files a questionnaire's calls play.",
        subcommands = PromptsCommand.Render.class)
public final class PromptsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code epicall prompts render}: every prompt of a questionnaire, per language, as Asterisk plays them. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"Render every prompt of a questionnaire (question, re-ask, keypad, intro, thanks, declined,"
                    + " sorry, read-backs) in each of its languages with espeak-ng and sox, as 8 kHz mono 16-bit WAV"
                    + " files <out>/[<campaign>/]<questionnaire>/<language>/<prompt>.wav, named as the dialer asks"
                    + " Asterisk for them.",
                    "For a campaign, point --out at the campaign service's prompts directory (Asterisk's"
                            + " sounds/epicall) and name the campaign; or let the service render what its officials"
                            + " have not recorded: POST /api/campaigns/<id>/prompts/render."})
    static final class Render implements Callable<Integer> {

        @Option(names = "--questionnaire", required = true, paramLabel = "FILE", description = "The questionnaire (YAML).")
        Path questionnaire;

        @Option(names = "--out", defaultValue = "prompts", paramLabel = "DIR",
                description = "Where to write (default ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--campaign", paramLabel = "ID",
                description = "The campaign the prompts are for: written under DIR/<ID>/, as the dialer plays them.")
        String campaign;

        @Option(names = "--languages", split = ",", paramLabel = "LANG",
                description = "Only these of its languages (default: all of them).")
        List<String> languages = new ArrayList<>();

        @Option(names = "--keep", description = "Keep prompt files that exist already (an official's recordings).")
        boolean keep;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Questionnaire q;
            try {
                q = QuestionnaireLoader.load(questionnaire);
            } catch (QuestionnaireException e) {
                err.println("prompts render: " + e.getMessage());
                return 2;
            }
            List<String> unknown = languages.stream().filter(l -> !q.languages().contains(l)).toList();
            if (!unknown.isEmpty()) {
                err.println("prompts render: " + questionnaire + " has no language " + String.join(", ", unknown)
                        + " (it has " + String.join(", ", q.languages()) + ")");
                return 2;
            }
            if (campaign != null && !campaign.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                err.println("prompts render: --campaign " + campaign + " is not a campaign id (letters, digits, . _ -)");
                return 2;
            }
            var missingTool = PromptRenderer.unavailableBecause();
            if (missingTool.isPresent()) {
                err.println("prompts render: " + missingTool.get());
                return 2;
            }
            PromptRenderer renderer = PromptRenderer.onPath();
            int rendered = 0;
            int kept = 0;
            for (Map.Entry<String, Map<String, String>> prompt : PromptTexts.of(q).entrySet()) {
                for (Map.Entry<String, String> text : prompt.getValue().entrySet()) {
                    if (!languages.isEmpty() && !languages.contains(text.getKey())) {
                        continue;
                    }
                    Path file = PromptIds.file(out, campaign, q.id(), text.getKey(), prompt.getKey());
                    if (keep && Files.exists(file)) {
                        kept++;
                        continue;
                    }
                    try {
                        // marked as a rendering only in a campaign service's tree, whose prompt list tells them apart
                        PromptFiles.write(file, renderer.render(text.getKey(), text.getValue()), campaign != null);
                    } catch (PromptRenderException e) {
                        err.println("prompts render: " + prompt.getKey() + " (" + text.getKey() + "): " + e.getMessage());
                        return 1;
                    }
                    rendered++;
                }
            }
            Path into = PromptIds.file(out, campaign, q.id(), "x", "x").getParent().getParent();
            spec.commandLine().getOut().printf("rendered %d prompts of %s into %s%s%n", rendered, q.id(), into,
                    kept > 0 ? " (kept " + kept + " that were there)" : "");
            return 0;
        }
    }
}

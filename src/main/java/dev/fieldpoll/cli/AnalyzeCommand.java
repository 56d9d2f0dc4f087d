package dev.fieldpoll.cli;

import dev.fieldpoll.app.ConfigLoader;
import dev.fieldpoll.app.TemplateLoader;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Template;
import dev.fieldpoll.poll.TemplateCatalog;
import dev.fieldpoll.report.ReportBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Report on votes from a CSV file with the header voter,field,factor,score.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--votes", required = true, paramLabel = "FILE.csv", description = "The votes.")
    Path votes;

    @Option(
            names = "--template",
            paramLabel = "KEY|FILE.yml",
            description = "A template key or file; without one, fields and factors come from the CSV.")
    String template;

    @Option(
            names = "--scale",
            defaultValue = "1-5",
            description = "Scale without a template (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(
            names = "--min-voters",
            defaultValue = "3",
            description = "A cell counts only with this many scores (default: ${DEFAULT-VALUE}, as the bot's "
                    + "privacy.min-voters: an export then gives the bot's report).")
    int minVoters;

    @Option(
            names = "--label-from",
            defaultValue = "10",
            description = "Label a cell (contested, polarized, ...) only from this many scores "
                    + "(default: ${DEFAULT-VALUE}, as the bot's results.label-from).")
    int labelFrom;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Quiet.logging();
        if (!Files.isRegularFile(votes)) {
            throw new UserInputException("There is no file " + votes + ".");
        }
        if (minVoters < 1 || labelFrom < 1) {
            throw new UserInputException("--min-voters and --label-from must be at least 1.");
        }
        CsvVotes.Parsed parsed = new CsvVotes(template(), scale()).read(votes, minVoters, labelFrom);
        parsed.problems().forEach(problem -> spec.commandLine().getErr().println("skipped " + problem));
        PrintWriter out = spec.commandLine().getOut();
        out.println(format.render(new ReportBuilder().build(parsed.input())));
        return 0;
    }

    private Optional<Template> template() {
        if (template == null) {
            return Optional.empty();
        }
        TemplateLoader loader = new TemplateLoader();
        if (template.endsWith(".yml") || template.endsWith(".yaml")) {
            return Optional.of(loader.load(Path.of(template)));
        }
        var config = new ConfigLoader(System.getenv()).load(Optional.empty());
        TemplateCatalog catalog =
                new TemplateCatalog(loader.loadAll(config.templatesDirectory()), config.defaultTemplate());
        return Optional.of(catalog.find(template)
                .orElseThrow(() -> new UserInputException("There is no template '" + template
                        + "'. Give a key like ai-safety-automation or a .yml file.")));
    }

    private Scale scale() {
        String[] ends = scale.split("-");
        try {
            return new Scale(Integer.parseInt(ends[0].strip()), Integer.parseInt(ends[1].strip()));
        } catch (RuntimeException wrong) {
            throw new UserInputException("--scale takes a range like 1-5 or 1-7, not '" + scale + "'.");
        }
    }
}

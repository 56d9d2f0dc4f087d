package dev.fieldpoll.cli;

import dev.fieldpoll.app.ConfigLoader;
import dev.fieldpoll.app.TemplateLoader;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Template;
import dev.fieldpoll.poll.TemplateCatalog;
import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.ReportBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

    @Option(
            names = "--groups-from",
            defaultValue = "30",
            description = "Look for opinion groups only from this many ballots with half the cells answered "
                    + "(default: ${DEFAULT-VALUE}, as the bot's results.groups-from).")
    int groupsFrom;

    @Option(
            names = "--groups-out",
            paramLabel = "FILE.csv",
            description = "Also write which opinion group each voter of the CSV is in (voter,group; "
                    + "the group is empty when there are no distinct groups or the voter answered too few cells).")
    Path groupsOut;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Quiet.logging();
        if (!Files.isRegularFile(votes)) {
            throw new UserInputException("There is no file " + votes + ".");
        }
        if (minVoters < 1 || labelFrom < 1 || groupsFrom < 1) {
            throw new UserInputException("--min-voters, --label-from and --groups-from must be at least 1.");
        }
        CsvVotes.Parsed parsed = new CsvVotes(template(), scale()).read(votes, minVoters, labelFrom, groupsFrom);
        parsed.problems().forEach(problem -> spec.commandLine().getErr().println("skipped " + problem));
        PollReport report = new ReportBuilder().build(parsed.input());
        PrintWriter out = spec.commandLine().getOut();
        out.println(format.render(report));
        if (groupsOut != null) {
            writeGroups(parsed, report);
        }
        return 0;
    }

    /** voter,group for every voter of the file, in the file's order; the group is the report's label. */
    private void writeGroups(CsvVotes.Parsed parsed, PollReport report) throws IOException {
        PollReport.Groups groups = report.opinionGroups();
        PollDefinition definition = parsed.input().definition();
        try (CSVPrinter csv = new CSVPrinter(
                Files.newBufferedWriter(groupsOut, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("voter", "group").get())) {
            for (Map.Entry<String, Map<CellKey, Answer>> voter :
                    parsed.ballots().entrySet()) {
                csv.printRecord(
                        voter.getKey(),
                        groups.closestGroup(definition, voter.getValue()).orElse(""));
            }
        }
        if (!groups.found()) {
            spec.commandLine()
                    .getErr()
                    .println(GroupSentences.overview(groups) + " Every group in " + groupsOut + " is empty.");
        }
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

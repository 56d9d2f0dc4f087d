package dev.fieldpoll.report;

import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.report.PollReport.CommonCell;
import dev.fieldpoll.report.PollReport.CommonField;
import dev.fieldpoll.report.PollReport.CommonGround;
import dev.fieldpoll.report.PollReport.Group;
import dev.fieldpoll.report.PollReport.GroupCell;
import dev.fieldpoll.report.PollReport.GroupField;
import dev.fieldpoll.report.PollReport.GroupSearch;
import dev.fieldpoll.report.PollReport.Groups;
import dev.fieldpoll.report.PollReport.SeparatingCell;
import dev.fieldpoll.tally.OpinionGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The opinion-groups part of a report: the tally's groups with names from the poll's definition. */
final class GroupSections {

    private final PollDefinition definition;
    private final OpinionGroups found;

    GroupSections(PollDefinition definition, OpinionGroups found) {
        this.definition = definition;
        this.found = found;
    }

    Groups groups() {
        GroupSearch search = search();
        if (!found.found()) {
            return new Groups(null, null, search, null, null);
        }
        List<Group> groups = new ArrayList<>();
        List<OpinionGroups.Group> tallied = found.groups();
        // shown percents add to 100, however the shares round one by one
        int[] percents = Numbers.wholePercents(
                tallied.stream().mapToInt(OpinionGroups.Group::size).toArray());
        for (int group = 0; group < tallied.size(); group++) {
            groups.add(group(label(group), tallied.get(group), percents[group]));
        }
        return new Groups(groups, commonGround(), search, found.map(), found.placer());
    }

    /** A, B, C, D: groups are labelled by size, largest first. */
    static String label(int group) {
        return String.valueOf((char) ('A' + group));
    }

    private GroupSearch search() {
        OpinionGroups.Method method = found.method();
        boolean tried = method.k() > 0;
        return new GroupSearch(
                found.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                method.placed(),
                method.needed(),
                tried ? method.k() : null,
                ReportBuilder.finite(method.silhouette()),
                ReportBuilder.finite(method.gap()),
                ReportBuilder.finite(method.gapNeeded()));
    }

    private Group group(String label, OpinionGroups.Group group, int percent) {
        int factors = definition.factors().size();
        double[] means = group.means();
        int[] answers = group.answers();
        List<GroupCell> profile = new ArrayList<>();
        for (int cell = 0; cell < means.length; cell++) {
            profile.add(new GroupCell(
                    definition.fields().get(cell / factors).key(),
                    definition.factors().get(cell % factors).key(),
                    ReportBuilder.finite(means[cell]),
                    answers[cell]));
        }
        List<GroupField> ranking = new ArrayList<>();
        int[] order = group.ranking();
        for (int position = 0; position < order.length; position++) {
            Field field = definition.fields().get(order[position]);
            ranking.add(new GroupField(position + 1, field.key(), field.name(), group.scores()[order[position]]));
        }
        List<SeparatingCell> separating =
                group.separating().stream().map(this::separating).toList();
        double share = (double) group.size() / found.method().placed();
        return new Group(label, group.size(), share, percent, profile, ranking, separating);
    }

    private SeparatingCell separating(OpinionGroups.SeparatingCell cell) {
        Field field = fieldOf(cell.cell());
        Factor factor = factorOf(cell.cell());
        return new SeparatingCell(
                field.key(),
                field.name(),
                factor.key(),
                factor.name(),
                cell.groupMean(),
                cell.othersMean(),
                cell.difference(),
                cell.low(),
                cell.high());
    }

    private CommonGround commonGround() {
        List<CommonField> fields = found.commonFields().stream()
                .map(common -> {
                    Field field = definition.fields().get(common.field());
                    return new CommonField(field.key(), field.name(), common.lowestScore(), common.worstRank());
                })
                .toList();
        List<CommonCell> cells = found.commonCells().stream()
                .map(common -> {
                    Field field = fieldOf(common.cell());
                    Factor factor = factorOf(common.cell());
                    return new CommonCell(
                            field.key(),
                            field.name(),
                            factor.key(),
                            factor.name(),
                            common.high() ? "high" : "low",
                            common.lowestShare());
                })
                .toList();
        return new CommonGround(fields, cells);
    }

    private Field fieldOf(int cell) {
        return definition.fields().get(cell / definition.factors().size());
    }

    private Factor factorOf(int cell) {
        return definition.factors().get(cell % definition.factors().size());
    }
}

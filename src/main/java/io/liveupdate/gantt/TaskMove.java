package io.liveupdate.gantt;

import java.util.Optional;

/**
 * Where {@code order_branch} moves a task: the dataProcessor's {@code target=<id>} (before that task) or
 * {@code target=next:<id>} (after it).
 */
public record TaskMove(long target, boolean after) {

    private static final String NEXT = "next:";

    /** The move a {@code target} value names; empty for none (absent or empty); a refusal for anything else. */
    public static Optional<TaskMove> parse(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        boolean after = value.startsWith(NEXT);
        String id = after ? value.substring(NEXT.length()) : value;
        try {
            return Optional.of(new TaskMove(Long.parseLong(id.trim()), after));
        } catch (NumberFormatException e) {
            throw new GanttRefusal("target must be <task id> or next:<task id>");
        }
    }

    /** The sort order the moved task takes, given the target's; the tasks from there on move one down. */
    public long position(long targetSortOrder) {
        return after ? targetSortOrder + 1 : targetSortOrder;
    }
}

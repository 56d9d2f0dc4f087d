package dev.fieldpoll.slack;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs groups of blocks (one per poll) into as few messages as Slack's block limit allows. A group
 * is kept whole in one message when it fits one; groups sharing a message are divided by a divider;
 * every message after the first starts with the continuation blocks.
 */
final class MessagePages {

    private final int maxBlocks;
    private final List<LayoutBlock> continuation;
    private final List<List<LayoutBlock>> pages = new ArrayList<>();
    private List<LayoutBlock> page;
    private boolean pageHasGroup;

    MessagePages(int maxBlocks, List<LayoutBlock> first, List<LayoutBlock> continuation) {
        if (first.size() >= maxBlocks || continuation.size() >= maxBlocks) {
            throw new IllegalArgumentException("the opening blocks leave no room for content");
        }
        this.maxBlocks = maxBlocks;
        this.continuation = List.copyOf(continuation);
        this.page = new ArrayList<>(first);
    }

    void add(List<LayoutBlock> group) {
        int needed = group.size() + (pageHasGroup ? 1 : 0);
        if (pageHasGroup && page.size() + needed > maxBlocks) {
            nextPage();
        }
        if (pageHasGroup) {
            page.add(DividerBlock.builder().build());
        }
        for (LayoutBlock block : group) {
            if (page.size() == maxBlocks) { // a group too large for any one message: split it
                nextPage();
            }
            page.add(block);
        }
        pageHasGroup = true;
    }

    /** The messages' blocks, each at most {@code maxBlocks} long. */
    List<List<LayoutBlock>> pages() {
        List<List<LayoutBlock>> all = new ArrayList<>(pages);
        all.add(List.copyOf(page));
        return all;
    }

    private void nextPage() {
        pages.add(List.copyOf(page));
        page = new ArrayList<>(continuation);
        pageHasGroup = false;
    }
}

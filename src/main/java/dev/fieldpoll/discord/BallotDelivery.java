package dev.fieldpoll.discord;

import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.poll.CellKey;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Shows a reply on the member's own ephemeral ballot: a page (its Back and Next), the recap (Done),
 * or the page of the cell just saved, with what was saved. Any other reply (a refusal, say) goes to
 * the member as a separate message, so the ballot they are on stays.
 */
final class BallotDelivery extends ReplyDelivery {

    static final String NOT_A_PAGE = "That ballot page does not exist. Open your ballot again with `/poll vote`.";

    private final int page;
    private final Optional<CellKey> answered;

    /** {@code page}: the page asked for; {@code answered}: the cell a choice was made in, if any. */
    BallotDelivery(DiscordAdapter adapter, InteractionAnswer answer, int page, Optional<CellKey> answered) {
        super(adapter, answer, null);
        this.page = page;
        this.answered = answered;
    }

    @Override
    CompletionStage<Void> plain(BotReply reply) {
        answer.tell(adapter.replies.render(reply));
        return done();
    }

    @Override
    public CompletionStage<Void> ballotView(BotReply.BallotView ballot) {
        if (!new BallotPages(ballot.poll().definition()).has(page)) {
            answer.tell(ReplyRenderer.problem(NOT_A_PAGE));
            return done();
        }
        answer.show(adapter.ballots.page(ballot.poll(), ballot.ballot(), page, null, ballot.rounds()));
        return done();
    }

    @Override
    public CompletionStage<Void> voteSaved(BotReply.VoteSaved saved) {
        int shown =
                answered.map(new BallotPages(saved.poll().definition())::pageOf).orElse(page);
        answer.show(adapter.ballots.page(saved.poll(), saved.ballot(), shown, ReplyRenderer.savedNote(saved)));
        return done();
    }

    @Override
    public CompletionStage<Void> myBallot(BotReply.MyBallot mine) {
        answer.show(adapter.ballots.recap(mine.poll(), mine.ballot()));
        return done();
    }
}

package dev.fieldpoll.slack;

/**
 * Where a Slack request came from and how to answer it: team, channel and user as Slack sent
 * them, the response_url for ephemeral replies, and the trigger_id that may open one modal
 * within 3 seconds. Any of them may be null; a modal submission, for one, has no channel.
 */
record Origin(String teamId, String channelId, String userId, String responseUrl, String triggerId) {

    Origin withChannel(String channel) {
        return new Origin(teamId, channel, userId, responseUrl, triggerId);
    }
}

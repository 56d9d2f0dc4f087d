package dev.fieldpoll.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import dev.fieldpoll.poll.Installation;
import dev.fieldpoll.poll.InstallationStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's view of the workspaces that installed fieldpoll: each request's team is looked up here
 * (through {@link SlackTeamClients}, which remembers them briefly) before any handler runs, and a team
 * without installation is refused with {@link #NOT_INSTALLED}. Installs are saved to the
 * {@link InstallationStore} (token encrypted there); uninstalls delete the row and drop the remembered
 * client at once. Only bot tokens are kept: fieldpoll asks for no user scopes. Thread-safe: it keeps
 * no state; the store and the clients are thread-safe.
 */
final class SlackInstallationService implements InstallationService {

    /** What a member of a workspace without installation sees (through the request's response_url). */
    static final String NOT_INSTALLED = "fieldpoll is not installed in this workspace (or was removed), so nothing "
            + "changed. Ask a workspace admin to install it again.";

    private static final Logger log = LoggerFactory.getLogger(SlackInstallationService.class);

    private final InstallationStore installations;
    private final SlackTeamClients clients;
    private final Clock clock;

    SlackInstallationService(InstallationStore installations, SlackTeamClients clients, Clock clock) {
        this.installations = installations;
        this.clients = clients;
        this.clock = clock;
    }

    /** Saves a workspace's new installation (a reinstall replaces the old token) and uses it from now on. */
    void save(Installation installation) {
        installations.save(installation);
        clients.installed(installation.workspaceId());
        log.info("Slack: installed in workspace {}", installation.workspaceId());
    }

    /** Deletes the workspace's installation and token (app_uninstalled, tokens_revoked); true when there was one. */
    boolean uninstall(String team) {
        boolean deleted = installations.delete(team);
        clients.forget(team);
        log.info(
                "Slack: workspace {} uninstalled fieldpoll; its token is deleted{}",
                team,
                deleted ? "" : " (had none)");
        return deleted;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        // one installation per workspace: there is no history to keep
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        save(new Installation(
                installer.getTeamId(),
                Optional.ofNullable(installer.getEnterpriseId()),
                installer.getBotUserId(),
                Optional.ofNullable(installer.getBotId()),
                installer.getBotAccessToken(),
                installer.getBotScope() == null ? "" : installer.getBotScope(),
                clock.instant()));
    }

    @Override
    public void deleteBot(Bot bot) {
        uninstall(bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // no user tokens are kept; the bot's installation stays until the workspace uninstalls
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        uninstall(teamId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return clients.installation(teamId).map(SlackInstallationService::bot).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null; // no user tokens: a team without a bot is not installed
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return NOT_INSTALLED;
    }

    private static Bot bot(Installation installation) {
        DefaultBot bot = new DefaultBot();
        bot.setTeamId(installation.workspaceId());
        bot.setEnterpriseId(installation.enterpriseId().orElse(null));
        bot.setBotUserId(installation.botUserId());
        bot.setBotId(installation.botId().orElse(null));
        bot.setBotAccessToken(installation.botToken());
        bot.setBotScope(installation.scope());
        bot.setScope(installation.scope());
        bot.setIsEnterpriseInstall(false);
        bot.setInstalledAt(installation.installedAt().toEpochMilli());
        return bot;
    }
}

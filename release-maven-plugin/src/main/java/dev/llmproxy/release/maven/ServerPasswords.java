package dev.llmproxy.release.maven;

import dev.llmproxy.release.ReleaseException;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The password of a settings.xml server as Maven itself reads it: a password encrypted with {@code
 * mvn --encrypt-password} ({@code {...}}, with the master password in {@code
 * ~/.m2/settings-security.xml} or {@code -Dsettings.security}) is decrypted by Maven's own {@link
 * SettingsDecrypter}; a plain one is returned as it is.
 */
final class ServerPasswords {
    private ServerPasswords() {}

    /**
     * @param decrypter Maven's settings decrypter
     * @param server the settings.xml server
     * @return the plain password, or {@code null} when the server has none
     * @throws ReleaseException when Maven cannot decrypt it; the message names the server and
     *     Maven's reason, never the password
     */
    static String password(SettingsDecrypter decrypter, Server server) {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        String problems = result.getProblems().stream()
                .filter(problem -> problem.getSeverity() != SettingsProblem.Severity.WARNING)
                .map(SettingsProblem::getMessage)
                .collect(Collectors.joining("; "));
        if (!problems.isEmpty() || result.getServer() == null) {
            throw new ReleaseException("the password of settings.xml server '" + server.getId() + "' cannot be decrypted ("
                    + problems + "): check the master password in ~/.m2/settings-security.xml"
                    + " (mvn --encrypt-master-password, or -Dsettings.security=FILE), or set GITHUB_TOKEN");
        }
        return result.getServer().getPassword();
    }
}

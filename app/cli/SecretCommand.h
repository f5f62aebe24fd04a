#pragma once

#include "cli/Command.h"

struct Workspace;

// `secret set|list|delete|migrate WORKSPACE [KEY]`: the workspace's secrets in the
// keychain, for CI and scripts. `set` reads the value from standard input, never from an
// argument (which other users of the machine could see); nothing prints a value.
class SecretCommand : public Command
{
public:
    SecretCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;

private:
    int set(const QString& path, Workspace& workspace, const QString& key, CliStreams& io);
    int list(const QString& path, Workspace& workspace, CliStreams& io);
    int remove(Workspace& workspace, const QString& key, CliStreams& io);
    int migrate(const QString& path, CliStreams& io);
    int keychainError(CliStreams& io, const QString& message) const;
};

#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>

class SecretStore;
struct Workspace;

// Where one secret's value came from.
struct SecretStatus
{
    enum class Source { Environment, Keychain, File, Missing };

    QString key;      // "my.apiKey"
    QString variable; // "WD_SECRET_MY_APIKEY"
    Source source = Source::Missing;

    static QString sourceName(Source source); // "environment", "keychain", "file", "missing"
};

// Fills in the values of a workspace's secrets, in this order:
// 1. the environment variable SecretKeys::environmentVariable(key), when set and not
//    empty (CI systems set an undefined secret to the empty string);
// 2. the store, under the workspace's id;
// 3. the value the file itself holds (a file written before the keychain);
// and marks the others missing (their value empty), so that a render that uses one says
// so and a call is not sent with an empty token.
//
// The store is asked only for what the environment lacks; after its first failure (no
// keychain service, say) it is not asked again, and storeProblem() says why.
class SecretResolver
{
public:
    // `store` may be null: then only the environment and the file count. The window
    // passes an empty environment.
    SecretResolver(SecretStore* store, const QProcessEnvironment& environment);

    QList<SecretStatus> resolve(Workspace* workspace);
    const QString& storeProblem() const { return m_storeProblem; }

private:
    SecretStore* m_store;
    QProcessEnvironment m_environment;
    QString m_storeProblem;
};
